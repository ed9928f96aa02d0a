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
import { Actor, ApiDoc, CurrentActor, Roles, formatInstant } from '@linli/platform';
import { CommunityZones } from '@linli/identity';
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

/** What checking in or out refuses with, either way. */
const CHECK_IN_REFUSALS = [
  'NOT_FOUND',
  'FORBIDDEN',
  'REFERENCE_INVALID',
  'SHIFT_CANCELLED',
  'CHECKIN_NOT_OPEN',
  'NOT_ON_SHIFT',
  'CLAIM_NOT_ACTIVE',
];

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
    private readonly zones: CommunityZones,
  ) {}

  /**
   * Volunteers: `{code}` (today's, as the QR shows it) from an hour before the start to the end;
   * after 5 wrong codes (or 20 on the shift) in 15 minutes, 429 with Retry-After. Organisers:
   * `{claimId}`. Checking in twice answers the first check-in.
   */
  @Post('shifts/:id/check-in')
  @HttpCode(200)
  @ApiDoc('Check in on a shift · 签到', ...CHECK_IN_REFUSALS, 'CHECKIN_CODE_INVALID', 'TOO_MANY_REQUESTS')
  @ApiOkResponse({ type: AttendanceClaimDto.Output })
  async checkIn(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() body: CheckInRequest,
  ): Promise<AttendanceClaimResponse> {
    const claim = await this.checkIns.checkIn(actor, id, by(body));
    return mapAttendanceClaim(claim, await this.zones.of(actor.communityId));
  }

  /** Completes the claim, credited the checked-in time clamped to the shift. */
  @Post('shifts/:id/check-out')
  @HttpCode(200)
  @ApiDoc(
    'Check out of a shift · 签退',
    ...CHECK_IN_REFUSALS,
    'CHECKIN_CODE_INVALID',
    'NOT_CHECKED_IN',
    'SHIFT_NOT_STARTED',
    'TOO_MANY_REQUESTS',
  )
  @ApiOkResponse({ type: AttendanceClaimDto.Output })
  async checkOut(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() body: CheckInRequest,
  ): Promise<AttendanceClaimResponse> {
    const claim = await this.checkIns.checkOut(actor, id, by(body));
    return mapAttendanceClaim(claim, await this.zones.of(actor.communityId));
  }

  @Get('shifts/:id/check-in-code')
  @Roles('organiser')
  @Header(...NO_STORE)
  @ApiDoc("Today's check-in code and link · 今日签到码", 'NOT_FOUND')
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
      opensAt: formatInstant(found.opensAt, found.shift.timeZone),
      closesAt: formatInstant(found.closesAt, found.shift.timeZone),
      timeZone: found.shift.timeZone,
    };
  }

  /** The check-in link with today's code as a QR code, to show on a screen on site (it changes each day). */
  @Get('shifts/:id/check-in-code.png')
  @Roles('organiser')
  @Header(...NO_STORE)
  @ApiDoc("Today's check-in link as a PNG QR code · 签到二维码 (PNG)", 'NOT_FOUND')
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
  @ApiDoc("Today's check-in link as an SVG QR code · 签到二维码 (SVG)", 'NOT_FOUND')
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
  @ApiDoc(
    'Record who came, or a no-show · 登记出勤',
    'NOT_FOUND',
    'CLAIM_NOT_ACTIVE',
    'SHIFT_CANCELLED',
    'SHIFT_NOT_STARTED',
    'NOT_CHECKED_IN',
  )
  @ApiOkResponse({ type: AttendanceClaimDto.Output })
  async recordAttendance(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() body: AttendanceRequest,
  ): Promise<AttendanceClaimResponse> {
    const claim = await this.attendance.record(actor, id, body);
    return mapAttendanceClaim(claim, await this.zones.of(actor.communityId));
  }
}
