import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { Actor, CurrentActor } from '@linli/platform';
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

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

function mapCommitment({ commitment, outcomes }: CommitmentView): CommitmentResponse {
  return {
    id: commitment.id,
    seriesId: commitment.series.id,
    personId: commitment.person?.id ?? null,
    organisationId: commitment.organisation?.id ?? null,
    places: commitment.places,
    from: commitment.fromAt.toISOString(),
    endedAt: iso(commitment.endedAt),
    createdAt: commitment.createdAt.toISOString(),
    outcomes: outcomes.map((o) => ({
      shiftId: o.shiftId,
      startsAt: o.startsAt.toISOString(),
      outcome: o.outcome,
      code: o.code,
      detail: o.detail,
    })),
  };
}

function mapEnded(ended: EndedCommitment): EndedCommitmentResponse {
  return {
    ...mapCommitment(ended),
    released: ended.released.map((p) => ({ shiftId: p.shiftId, startsAt: p.startsAt.toISOString() })),
    kept: ended.kept.map((p) => ({ shiftId: p.shiftId, startsAt: p.startsAt.toISOString(), code: p.code })),
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
  constructor(private readonly commitments: StandingCommitmentsUseCase) {}

  /**
   * Volunteers commit themselves (`{}` or `{from}`); organisers may name `personId`; a
   * coordinator (or an organiser) reserves `{organisationId, places}` on every occurrence.
   */
  @Post('shift-series/:id/commitments')
  @ApiCreatedResponse({ type: CommitmentDto.Output })
  async commit(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() body: CreateCommitmentRequest,
  ): Promise<CommitmentResponse> {
    return mapCommitment(await this.commitments.commit(actor, id, body ?? {}));
  }

  /** Its person, its organisation's coordinator and organisers see it; anyone else gets 404. */
  @Get('commitments/:id')
  @ApiOkResponse({ type: CommitmentDto.Output })
  async get(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<CommitmentResponse> {
    return mapCommitment(await this.commitments.get(actor, id));
  }

  /** Ends it now and gives back the places it took on occurrences not yet started. */
  @Post('commitments/:id/end')
  @HttpCode(200)
  @ApiOkResponse({ type: EndedCommitmentDto.Output })
  async end(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<EndedCommitmentResponse> {
    return mapEnded(await this.commitments.end(actor, id));
  }
}
