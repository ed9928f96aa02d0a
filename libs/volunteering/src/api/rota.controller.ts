import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, ApiDoc, Clock, CurrentActor, Idempotent, Roles, formatInstant } from '@linli/platform';
import { CommunityZones } from '@linli/identity';
import { RotaQueryService, type RotaView } from '../application/rota/rota-query.service';
import { OpenShiftsQueryService } from '../application/rota/open-shifts-query.service';
import { BulkCancelShiftsUseCase } from '../application/rota/bulk-cancel-shifts.use-case';
import { BulkPostponeShiftsUseCase } from '../application/rota/bulk-postpone-shifts.use-case';
import { BulkOutcome, uniquePeople } from '../application/rota/bulk-shift-selection';
import { mapShift } from './volunteering.mapper';
import { withRotaDefaults } from './open-periods';
import {
  BulkCancelRequest,
  BulkOutcomeDto,
  BulkOutcomeResponse,
  BulkPostponeRequest,
  OpenShiftsDto,
  OpenShiftsQuery,
  RotaDto,
  RotaQuery,
} from './rota.schema';

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'retry safely: the first answer is replayed (a retried postponement does not move twice)',
};

/**
 * The organisers' board and its bulk changes, and the list a volunteer picks from. Registered
 * before ShiftsController so `shifts/open` is not taken for a shift id by `shifts/:id`.
 */
@ApiTags('rota 排班')
@ApiBearerAuth()
@Controller('v1')
export class RotaController {
  constructor(
    private readonly rota: RotaQueryService,
    private readonly openShifts: OpenShiftsQueryService,
    private readonly bulkCancel: BulkCancelShiftsUseCase,
    private readonly bulkPostpone: BulkPostponeShiftsUseCase,
    private readonly zones: CommunityZones,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * Per day (community time), every shift with confirmed, waitlist, organisation and unfilled
   * counts, and who is on it by name and phone (organisers: everyone; coordinators: their
   * members; volunteers: themselves). Without week, from or to: the current week; with only from
   * or only to: that week of days.
   */
  @Get('rota')
  @ApiDoc('The rota board of a week or a range of days · 排班表', 'NOT_FOUND')
  @ApiOkResponse({ type: RotaDto.Output })
  async board(@CurrentActor() actor: Actor, @Query() query: RotaQuery) {
    // Only an open range needs today's date, in the community's zone.
    const ranged =
      query.week || (query.from && query.to)
        ? query
        : withRotaDefaults(query, this.clock.now(), await this.zones.of(actor.communityId));
    return mapRota(await this.rota.rota(actor, ranged));
  }

  /** Shifts the person may claim now, with what a claim would give (a place or the waitlist). */
  @Get('shifts/open')
  @ApiDoc('Shifts I can claim now, and what a claim would give · 可认领的班次', 'NOT_FOUND', 'FORBIDDEN')
  @ApiOkResponse({ type: OpenShiftsDto.Output })
  async open(@CurrentActor() actor: Actor, @Query() query: OpenShiftsQuery) {
    const result = await this.openShifts.forPerson(actor, query);
    const zone = await this.zones.of(actor.communityId);
    return {
      personId: result.personId,
      from: formatInstant(result.from, zone),
      to: formatInstant(result.to, zone),
      timeZone: zone,
      truncated: result.truncated,
      items: result.items.map((item) => ({ ...mapShift(item.shift), outcome: item.outcome })),
    };
  }

  /** Cancels every open shift in the range at the place; everyone affected is recorded for notification. */
  @Post('shifts/bulk-cancel')
  @Roles('organiser')
  @HttpCode(200)
  @ApiDoc('Cancel every shift in a range at a place · 批量取消班次')
  @ApiOkResponse({ type: BulkOutcomeDto.Output })
  async cancel(@CurrentActor() actor: Actor, @Body() body: BulkCancelRequest): Promise<BulkOutcomeResponse> {
    const { reason, ...range } = body;
    return mapBulk(await this.bulkCancel.execute(actor.communityId, range, reason));
  }

  /** Moves every open shift in the range at the place later by byMinutes, all or nothing. */
  @Post('shifts/bulk-postpone')
  @Roles('organiser')
  @HttpCode(200)
  @Idempotent()
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiDoc('Postpone every shift in a range at a place · 批量顺延班次', 'CLAIM_OVERLAPS')
  @ApiOkResponse({ type: BulkOutcomeDto.Output })
  async postpone(
    @CurrentActor() actor: Actor,
    @Body() body: BulkPostponeRequest,
  ): Promise<BulkOutcomeResponse> {
    const { reason, byMinutes, ...range } = body;
    return mapBulk(await this.bulkPostpone.execute(actor.communityId, range, byMinutes, reason));
  }
}

/** Each shift's instants in its own zone; the days are the community's (`timeZone`). */
function mapRota(view: RotaView) {
  return {
    ...view,
    days: view.days.map((day) => ({
      ...day,
      shifts: day.shifts.map((shift) => ({
        ...shift,
        startsAt: formatInstant(shift.startsAt, shift.timeZone),
        endsAt: formatInstant(shift.endsAt, shift.timeZone),
      })),
    })),
  };
}

function mapBulk(outcomes: BulkOutcome[]): BulkOutcomeResponse {
  return {
    count: outcomes.length,
    affectedPersonIds: uniquePeople(outcomes),
    shifts: outcomes.map(({ shift, affectedPersonIds, previous }) => ({
      shift: mapShift(shift),
      affectedPersonIds,
      previousStartsAt: previous ? formatInstant(previous.startsAt, shift.timeZone) : null,
      previousEndsAt: previous ? formatInstant(previous.endsAt, shift.timeZone) : null,
    })),
  };
}
