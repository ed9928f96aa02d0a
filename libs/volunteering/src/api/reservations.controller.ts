import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { Actor, ApiDoc, CurrentActor, Roles, formatInstant } from '@linli/platform';
import { CommunityZones } from '@linli/identity';
import { ChangeReservationUseCase } from '../application/reservations/change-reservation.use-case';
import { ReservationsQueryService } from '../application/reservations/reservations-query.service';
import type { ReservationListRow } from '../infra/reservation.queries';
import { ReservationDto, ReservationResponse } from './claim.schema';
import { mapReservation } from './volunteering.mapper';
import {
  ListReservationsQuery,
  ReservationListItemResponse,
  ReservationPageDto,
  ShrinkReservationRequest,
} from './reservation.schema';

class IdParam extends createZodDto(z.strictObject({ id: z.uuid() })) {}

/**
 * 组织预留: the blocks of places partner organisations hold. Organisers see and change every
 * organisation's; a coordinator their own organisation's. Assigning members is
 * `POST reservations/{id}/assignments` (ClaimsController).
 */
@ApiTags('reservations 组织预留')
@ApiBearerAuth()
@Roles('organiser', 'coordinator')
@Controller('v1/reservations')
export class ReservationsController {
  constructor(
    private readonly reservations: ReservationsQueryService,
    private readonly change: ChangeReservationUseCase,
    private readonly zones: CommunityZones,
  ) {}

  @Get()
  @ApiDoc("Organisations' reservations, with their shift · 组织预留列表", 'FORBIDDEN')
  @ApiOkResponse({ type: ReservationPageDto.Output })
  async list(@CurrentActor() actor: Actor, @Query() query: ListReservationsQuery) {
    const { rows, total } = await this.reservations.list(actor, query);
    const zone = await this.zones.of(actor.communityId);
    return {
      items: rows.map((row) => mapListItem(row, zone)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  /** Keeps fewer places; the rest go back to the open pool (the waitlist first). */
  @Post(':id/shrink')
  @HttpCode(200)
  @ApiDoc(
    'Hold fewer places · 减少预留名额',
    'NOT_FOUND',
    'RESERVATION_NOT_ACTIVE',
    'RESERVATION_BELOW_ASSIGNED',
  )
  @ApiOkResponse({ type: ReservationDto.Output })
  async shrink(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() body: ShrinkReservationRequest,
  ): Promise<ReservationResponse> {
    const reservation = await this.change.shrink(actor, id, body.places);
    return mapReservation(reservation, await this.zones.of(actor.communityId));
  }

  /**
   * The organisation withdraws: unassigned places go back at once; members already assigned keep
   * theirs (cancel those one by one with `claims/{id}/cancel`).
   */
  @Post(':id/cancel')
  @HttpCode(200)
  @ApiDoc('Withdraw a reservation · 取消组织预留', 'NOT_FOUND', 'RESERVATION_NOT_ACTIVE')
  @ApiOkResponse({ type: ReservationDto.Output })
  async cancel(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<ReservationResponse> {
    const reservation = await this.change.cancel(actor, id);
    return mapReservation(reservation, await this.zones.of(actor.communityId));
  }
}

function mapListItem(row: ReservationListRow, zone: string): ReservationListItemResponse {
  return {
    id: row.id,
    shiftId: row.shift_id,
    organisationId: row.organisation_id,
    places: row.places,
    assigned: row.assigned_count,
    status: row.status,
    releaseAt: formatInstant(row.release_at, zone),
    createdAt: formatInstant(row.created_at, zone),
    timeZone: zone,
    shift: {
      id: row.shift_id,
      title: row.title,
      locationText: row.location_text,
      estate: row.estate_id ? { id: row.estate_id, name: row.estate_name ?? '' } : null,
      startsAt: formatInstant(row.starts_at, row.time_zone),
      endsAt: formatInstant(row.ends_at, row.time_zone),
      timeZone: row.time_zone,
      status: row.shift_status,
    },
    organisation: { id: row.organisation_id, name: row.organisation_name, kind: row.organisation_kind },
  };
}
