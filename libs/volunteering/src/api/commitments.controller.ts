import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { Actor, ApiDoc, CurrentActor, formatInstant, formatOptionalInstant } from '@linli/platform';
import { CommunityZones } from '@linli/identity';
import {
  StandingCommitmentsUseCase,
  type CommitmentView,
  type EndedCommitment,
} from '../application/commitments/standing-commitments.use-case';
import {
  CommitmentDto,
  CommitmentResponse,
  CreateCommitmentRequest,
  EndedCommitmentDto,
  EndedCommitmentResponse,
} from './commitment.schema';

class IdParam extends createZodDto(z.strictObject({ id: z.uuid() })) {}

/** Instants in the community's zone (`zone`), which the answer names. */
function mapCommitment({ commitment, outcomes }: CommitmentView, zone: string): CommitmentResponse {
  return {
    id: commitment.id,
    seriesId: commitment.series.id,
    personId: commitment.person?.id ?? null,
    organisationId: commitment.organisation?.id ?? null,
    places: commitment.places,
    from: formatInstant(commitment.fromAt, zone),
    endedAt: formatOptionalInstant(commitment.endedAt, zone),
    createdAt: formatInstant(commitment.createdAt, zone),
    timeZone: zone,
    outcomes: outcomes.map((o) => ({
      shiftId: o.shiftId,
      startsAt: formatInstant(o.startsAt, zone),
      outcome: o.outcome,
      code: o.code,
      detail: o.detail,
    })),
  };
}

function mapEnded(ended: EndedCommitment, zone: string): EndedCommitmentResponse {
  return {
    ...mapCommitment(ended, zone),
    released: ended.released.map((p) => ({ shiftId: p.shiftId, startsAt: formatInstant(p.startsAt, zone) })),
    kept: ended.kept.map((p) => ({
      shiftId: p.shiftId,
      startsAt: formatInstant(p.startsAt, zone),
      code: p.code,
    })),
  };
}

/**
 * 长期认领: a volunteer's claim on every occurrence of a series, or an organisation's block across
 * it. Each occurrence gets it under the usual rules as it is materialised (a person's once its
 * sign-up opens); refusals are reported per date here and by a notice.
 */
@ApiTags('standing commitments 长期认领')
@ApiBearerAuth()
@Controller('v1')
export class CommitmentsController {
  constructor(
    private readonly commitments: StandingCommitmentsUseCase,
    private readonly zones: CommunityZones,
  ) {}

  /**
   * Volunteers commit themselves (`{}` or `{from}`); organisers may name `personId`; a
   * coordinator (or an organiser) reserves `{organisationId, places}` on every occurrence.
   */
  @Post('shift-series/:id/commitments')
  @ApiDoc(
    'Commit to every occurrence of a series · 长期认领',
    'NOT_FOUND',
    'FORBIDDEN',
    'SERIES_ENDED',
    'ALREADY_EXISTS',
    'REFERENCE_INVALID',
  )
  @ApiCreatedResponse({ type: CommitmentDto.Output })
  async commit(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() body: CreateCommitmentRequest,
  ): Promise<CommitmentResponse> {
    const commitment = await this.commitments.commit(actor, id, body ?? {});
    return mapCommitment(commitment, await this.zones.of(actor.communityId));
  }

  /** Its person, its organisation's coordinator and organisers see it; anyone else gets 404. */
  @Get('commitments/:id')
  @ApiDoc('A standing commitment and what it got per date · 长期认领详情', 'NOT_FOUND')
  @ApiOkResponse({ type: CommitmentDto.Output })
  async get(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<CommitmentResponse> {
    const commitment = await this.commitments.get(actor, id);
    return mapCommitment(commitment, await this.zones.of(actor.communityId));
  }

  /** Ends it now and gives back the places it took on occurrences not yet started. */
  @Post('commitments/:id/end')
  @HttpCode(200)
  @ApiDoc('End a standing commitment, giving back future places · 结束长期认领', 'NOT_FOUND')
  @ApiOkResponse({ type: EndedCommitmentDto.Output })
  async end(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<EndedCommitmentResponse> {
    const ended = await this.commitments.end(actor, id);
    return mapEnded(ended, await this.zones.of(actor.communityId));
  }
}
