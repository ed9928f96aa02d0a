import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { Actor, ApiDoc, CurrentActor, Idempotent, Roles } from '@linli/platform';
import { CommunityZones } from '@linli/identity';
import { ShiftsService } from '../application/shifts/shifts.service';
import { ClaimShiftUseCase } from '../application/claims/claim-shift.use-case';
import { ReservationsUseCase } from '../application/reservations/reservations.use-case';
import { ClaimsQueryService } from '../application/claims/claims-query.service';
import { mapClaim, mapReservation, mapShift } from './volunteering.mapper';
import {
  CancelShiftRequest,
  CreateShiftRequest,
  ListShiftsQuery,
  ShiftCancelledDto,
  ShiftDto,
  ShiftPageDto,
  ShiftResponse,
  UpdateShiftRequest,
} from './shift.schema';
import {
  ClaimDto,
  ClaimResponse,
  ClaimShiftRequest,
  ReservationDto,
  ReservationListDto,
  ReservationResponse,
  ReserveRequest,
} from './claim.schema';
import { CLAIM_REFUSALS } from './documented-errors';

class ShiftIdParam extends createZodDto(z.strictObject({ id: z.uuid() })) {}
const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'retry safely: the first answer is replayed',
};

@ApiTags('shifts 班次')
@ApiBearerAuth()
@Controller('v1/shifts')
export class ShiftsController {
  constructor(
    private readonly shifts: ShiftsService,
    private readonly claimShift: ClaimShiftUseCase,
    private readonly reservations: ReservationsUseCase,
    private readonly claims: ClaimsQueryService,
    private readonly zones: CommunityZones,
  ) {}

  @Post()
  @Roles('organiser')
  @ApiDoc('Schedule a shift · 新建班次', 'REFERENCE_INVALID')
  @ApiCreatedResponse({ type: ShiftDto.Output })
  async create(@CurrentActor() actor: Actor, @Body() body: CreateShiftRequest): Promise<ShiftResponse> {
    return mapShift(await this.shifts.schedule(actor.communityId, body));
  }

  @Get()
  @ApiDoc('List shifts · 班次列表')
  @ApiOkResponse({ type: ShiftPageDto.Output })
  async list(@CurrentActor() actor: Actor, @Query() query: ListShiftsQuery) {
    const page = await this.shifts.list(actor.communityId, query);
    return { ...page, items: page.items.map(mapShift) };
  }

  @Get(':id')
  @ApiDoc('One shift · 班次详情', 'NOT_FOUND')
  @ApiOkResponse({ type: ShiftDto.Output })
  async get(@CurrentActor() actor: Actor, @Param() { id }: ShiftIdParam): Promise<ShiftResponse> {
    return mapShift(await this.shifts.get(actor.communityId, id));
  }

  /** A change of time or place bumps the version and moves the claims with it. */
  @Patch(':id')
  @Roles('organiser')
  @ApiDoc(
    'Change a shift · 修改班次',
    'NOT_FOUND',
    'SHIFT_CANCELLED',
    'CONFLICT',
    'REFERENCE_INVALID',
    'CLAIM_OVERLAPS',
  )
  @ApiOkResponse({ type: ShiftDto.Output })
  async update(
    @CurrentActor() actor: Actor,
    @Param() { id }: ShiftIdParam,
    @Body() body: UpdateShiftRequest,
  ): Promise<ShiftResponse> {
    return mapShift(await this.shifts.change(actor.communityId, id, body));
  }

  @Post(':id/cancel')
  @Roles('organiser')
  @HttpCode(200)
  @ApiDoc('Cancel a shift, telling everyone on it · 取消班次', 'NOT_FOUND')
  @ApiOkResponse({ type: ShiftCancelledDto.Output })
  async cancel(
    @CurrentActor() actor: Actor,
    @Param() { id }: ShiftIdParam,
    @Body() body: CancelShiftRequest,
  ) {
    const { shift, affected } = await this.shifts.cancel(actor.communityId, id, body.reason);
    return { shift: mapShift(shift), affectedPersonIds: affected };
  }

  /**
   * Volunteers claim for themselves (201 confirmed or waitlisted) with no body at all, or `{}`;
   * organisers may place anyone (`{personId}`).
   */
  @Post(':id/claims')
  @Idempotent()
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiBody({ type: ClaimShiftRequest, required: false })
  @ApiDoc(
    'Claim a place on a shift (or the waitlist) · 认领班次',
    'NOT_FOUND',
    'FORBIDDEN',
    'REFERENCE_INVALID',
    'ALREADY_CLAIMED',
    ...CLAIM_REFUSALS,
  )
  @ApiCreatedResponse({ type: ClaimDto.Output })
  async claim(
    @CurrentActor() actor: Actor,
    @Param() { id }: ShiftIdParam,
    @Body() body: ClaimShiftRequest,
  ): Promise<ClaimResponse> {
    const claim = await this.claimShift.execute(actor, id, body.personId);
    return mapClaim(claim, await this.zones.of(actor.communityId));
  }

  @Post(':id/reservations')
  @Roles('organiser', 'coordinator')
  @Idempotent()
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiDoc(
    'Hold places for a partner organisation · 组织预留名额',
    'NOT_FOUND',
    'SHIFT_CANCELLED',
    'SHIFT_STARTED',
    'REFERENCE_INVALID',
    'PARTNER_KIND_REQUIRED',
    'NOT_ENOUGH_PLACES',
    'ALREADY_EXISTS',
  )
  @ApiCreatedResponse({ type: ReservationDto.Output })
  async reserve(
    @CurrentActor() actor: Actor,
    @Param() { id }: ShiftIdParam,
    @Body() body: ReserveRequest,
  ): Promise<ReservationResponse> {
    const reservation = await this.reservations.reserve(actor, id, body);
    return mapReservation(reservation, await this.zones.of(actor.communityId));
  }

  @Get(':id/reservations')
  @Roles('organiser', 'coordinator')
  @ApiDoc("A shift's organisation reservations · 班次的组织预留", 'NOT_FOUND')
  @ApiOkResponse({ type: ReservationListDto.Output })
  async listReservations(
    @CurrentActor() actor: Actor,
    @Param() { id }: ShiftIdParam,
  ): Promise<ReservationResponse[]> {
    // An unknown or another community's shift is a 404, not an empty list.
    await this.shifts.get(actor.communityId, id);
    const zone = await this.zones.of(actor.communityId);
    return (await this.claims.reservationsOf(actor, id)).map((r) => mapReservation(r, zone));
  }
}
