import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { Actor, CurrentActor, Idempotent, Roles } from '@linli/platform';
import { ShiftsService } from '../application/shifts/shifts.service';
import { ClaimShiftUseCase } from '../application/claims/claim-shift.use-case';
import { ReservationsUseCase } from '../application/reservations/reservations.use-case';
import { ClaimsQueryService } from '../application/claims/claims-query.service';
import { mapClaim, mapReservation, mapShift } from './volunteering.mapper';
import {
  CancelShiftRequest,
  CreateShiftRequest,
  ListShiftsQuery,
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
  ReservationResponse,
  ReserveRequest,
} from './claim.schema';

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
  ) {}

  @Post()
  @Roles('organiser')
  @ApiCreatedResponse({ type: ShiftDto.Output })
  async create(@CurrentActor() actor: Actor, @Body() body: CreateShiftRequest): Promise<ShiftResponse> {
    return mapShift(await this.shifts.schedule(actor.communityId, body));
  }

  @Get()
  @ApiOkResponse({ type: ShiftPageDto.Output })
  async list(@CurrentActor() actor: Actor, @Query() query: ListShiftsQuery) {
    const page = await this.shifts.list(actor.communityId, query);
    return { ...page, items: page.items.map(mapShift) };
  }

  @Get(':id')
  @ApiOkResponse({ type: ShiftDto.Output })
  async get(@CurrentActor() actor: Actor, @Param() { id }: ShiftIdParam): Promise<ShiftResponse> {
    return mapShift(await this.shifts.get(actor.communityId, id));
  }

  /** A change of time or place bumps the version and moves the claims with it. */
  @Patch(':id')
  @Roles('organiser')
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
  async cancel(
    @CurrentActor() actor: Actor,
    @Param() { id }: ShiftIdParam,
    @Body() body: CancelShiftRequest,
  ) {
    const { shift, affected } = await this.shifts.cancel(actor.communityId, id, body.reason);
    return { shift: mapShift(shift), affectedPersonIds: affected };
  }

  /** Volunteers claim for themselves (201 confirmed or waitlisted); organisers may place anyone. */
  @Post(':id/claims')
  @Idempotent()
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: ClaimDto.Output })
  async claim(
    @CurrentActor() actor: Actor,
    @Param() { id }: ShiftIdParam,
    @Body() body: ClaimShiftRequest,
  ): Promise<ClaimResponse> {
    return mapClaim(await this.claimShift.execute(actor, id, body.personId));
  }

  @Post(':id/reservations')
  @Roles('organiser', 'coordinator')
  @Idempotent()
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: ReservationDto.Output })
  async reserve(
    @CurrentActor() actor: Actor,
    @Param() { id }: ShiftIdParam,
    @Body() body: ReserveRequest,
  ): Promise<ReservationResponse> {
    return mapReservation(await this.reservations.reserve(actor, id, body));
  }

  @Get(':id/reservations')
  @Roles('organiser', 'coordinator')
  async listReservations(
    @CurrentActor() actor: Actor,
    @Param() { id }: ShiftIdParam,
  ): Promise<ReservationResponse[]> {
    // An unknown or another community's shift is a 404, not an empty list.
    await this.shifts.get(actor.communityId, id);
    return (await this.claims.reservationsOf(actor, id)).map(mapReservation);
  }
}
