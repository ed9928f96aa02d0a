import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, Clock, CurrentActor, Idempotent, Roles, notFound } from '@linli/platform';
import { IdentityDirectory } from '@linli/identity';
import { RotaQueryService } from '../application/rota/rota-query.service';
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
    private readonly identity: IdentityDirectory,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * Per day (community time), every shift with confirmed, waitlist, organisation and unfilled
   * counts. Without week, from or to: the current week; with only from or only to: that week of days.
   */
  @Get('rota')
  @ApiOkResponse({ type: RotaDto.Output })
  async board(@CurrentActor() actor: Actor, @Query() query: RotaQuery) {
    if (query.week || (query.from && query.to)) return this.rota.rota(actor.communityId, query);
    // Only an open range needs today's date, in the community's zone.
    const community = await this.identity.community(actor.communityId);
    if (!community) throw notFound('Community');
    return this.rota.rota(actor.communityId, withRotaDefaults(query, this.clock.now(), community.timeZone));
  }

  /** Shifts the person may claim now, with what a claim would give (a place or the waitlist). */
  @Get('shifts/open')
  @ApiOkResponse({ type: OpenShiftsDto.Output })
  async open(@CurrentActor() actor: Actor, @Query() query: OpenShiftsQuery) {
    const result = await this.openShifts.forPerson(actor, query);
    return {
      personId: result.personId,
      from: result.from.toISOString(),
      to: result.to.toISOString(),
      truncated: result.truncated,
      items: result.items.map((item) => ({ ...mapShift(item.shift), outcome: item.outcome })),
    };
  }

  /** Cancels every open shift in the range at the place; everyone affected is recorded for notification. */
  @Post('shifts/bulk-cancel')
  @Roles('organiser')
  @HttpCode(200)
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
  @ApiOkResponse({ type: BulkOutcomeDto.Output })
  async postpone(
    @CurrentActor() actor: Actor,
    @Body() body: BulkPostponeRequest,
  ): Promise<BulkOutcomeResponse> {
    const { reason, byMinutes, ...range } = body;
    return mapBulk(await this.bulkPostpone.execute(actor.communityId, range, byMinutes, reason));
  }
}

function mapBulk(outcomes: BulkOutcome[]): BulkOutcomeResponse {
  return {
    count: outcomes.length,
    affectedPersonIds: uniquePeople(outcomes),
    shifts: outcomes.map((outcome) => ({
      shift: mapShift(outcome.shift),
      affectedPersonIds: outcome.affectedPersonIds,
      previousStartsAt: outcome.previous?.startsAt.toISOString() ?? null,
      previousEndsAt: outcome.previous?.endsAt.toISOString() ?? null,
    })),
  };
}
