import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  StreamableFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import type { Request } from 'express';
import { Actor, CurrentActor, Roles } from '@linli/platform';
import { AttendanceUseCase } from '../application/attendance/attendance.use-case';
import { CheckInBy, CheckInUseCase } from '../application/attendance/check-in.use-case';
import { mapAttendanceClaim } from './attendance.mapper';
import {
  AttendanceClaimDto,
  AttendanceClaimResponse,
  AttendanceRequest,
  CheckInCodeDto,
  CheckInCodeResponse,
  CheckInRequest,
  QrQuery,
} from './attendance.schema';
import { checkInUrl, qrPng, qrSvg } from './check-in-link';
import { RetryAfterInterceptor } from './retry-after.interceptor';

class IdParam extends createZodDto(z.strictObject({ id: z.uuid() })) {}

const by = (body: CheckInRequest): CheckInBy =>
  body.code !== undefined ? { code: body.code } : { claimId: body.claimId ?? '' };

/** The code is a key to the shift's attendance: never cached by browsers or proxies. */
const NO_STORE = ['Cache-Control', 'private, no-store'] as const;

@ApiTags('check-in 签到')
@ApiBearerAuth()
@UseInterceptors(RetryAfterInterceptor)
@Controller('v1')
export class CheckInController {
  constructor(
    private readonly checkIns: CheckInUseCase,
    private readonly attendance: AttendanceUseCase,
  ) {}

  /**
   * Volunteers: `{code}` (today's, as the QR shows it) from an hour before the start to the end;
   * after 5 wrong codes (or 20 on the shift) in 15 minutes, 429 with Retry-After. Organisers:
   * `{claimId}`. Checking in twice answers the first check-in.
   */
  @Post('shifts/:id/check-in')
  @HttpCode(200)
  @ApiOkResponse({ type: AttendanceClaimDto.Output })
  async checkIn(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() body: CheckInRequest,
  ): Promise<AttendanceClaimResponse> {
    return mapAttendanceClaim(await this.checkIns.checkIn(actor, id, by(body)));
  }

  /** Completes the claim, credited the checked-in time clamped to the shift. */
  @Post('shifts/:id/check-out')
  @HttpCode(200)
  @ApiOkResponse({ type: AttendanceClaimDto.Output })
  async checkOut(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() body: CheckInRequest,
  ): Promise<AttendanceClaimResponse> {
    return mapAttendanceClaim(await this.checkIns.checkOut(actor, id, by(body)));
  }

  @Get('shifts/:id/check-in-code')
  @Roles('organiser')
  @Header(...NO_STORE)
  @ApiOkResponse({ type: CheckInCodeDto.Output })
  async code(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Req() request: Request,
  ): Promise<CheckInCodeResponse> {
    const found = await this.checkIns.code(actor.communityId, id);
    return {
      shiftId: found.shift.id,
      code: found.code,
      url: checkInUrl(request, found.shift.id, found.code),
      opensAt: found.opensAt.toISOString(),
      closesAt: found.closesAt.toISOString(),
    };
  }

  /** The check-in link with today's code as a QR code, to show on a screen on site (it changes each day). */
  @Get('shifts/:id/check-in-code.png')
  @Roles('organiser')
  @Header(...NO_STORE)
  @ApiProduces('image/png')
  async png(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Query() { size }: QrQuery,
    @Req() request: Request,
  ): Promise<StreamableFile> {
    const found = await this.checkIns.code(actor.communityId, id);
    const png = await qrPng(checkInUrl(request, found.shift.id, found.code), size);
    return new StreamableFile(png, { type: 'image/png', length: png.length });
  }

  @Get('shifts/:id/check-in-code.svg')
  @Roles('organiser')
  @Header(...NO_STORE)
  @ApiProduces('image/svg+xml')
  async svg(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Req() request: Request,
  ): Promise<StreamableFile> {
    const found = await this.checkIns.code(actor.communityId, id);
    const svg = Buffer.from(await qrSvg(checkInUrl(request, found.shift.id, found.code)), 'utf8');
    return new StreamableFile(svg, { type: 'image/svg+xml; charset=utf-8', length: svg.length });
  }

  /**
   * An organiser's record of who came: `attended` completes the claim with the planned time
   * (or, with creditPlannedTime false, the checked-in time); `no_show` credits nothing.
   * Also corrects an earlier record.
   */
  @Post('claims/:id/attendance')
  @Roles('organiser')
  @HttpCode(200)
  @ApiOkResponse({ type: AttendanceClaimDto.Output })
  async recordAttendance(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() body: AttendanceRequest,
  ): Promise<AttendanceClaimResponse> {
    return mapAttendanceClaim(await this.attendance.record(actor, id, body));
  }
}
