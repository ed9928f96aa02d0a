import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { Actor, ApiDoc, CurrentActor, Idempotent, Roles } from '@linli/platform';
import { CommunityZones } from '@linli/identity';
import { CancelClaimUseCase } from '../application/claims/cancel-claim.use-case';
import { ClaimsQueryService } from '../application/claims/claims-query.service';
import { ReservationsUseCase } from '../application/reservations/reservations.use-case';
import { mapClaim } from './volunteering.mapper';
import { AssignRequest, ClaimDto, ClaimPageDto, ClaimResponse, ListClaimsQuery } from './claim.schema';
import { CLAIM_REFUSALS } from './documented-errors';

class IdParam extends createZodDto(z.strictObject({ id: z.uuid() })) {}
const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'retry safely: the first answer is replayed',
};

@ApiTags('claims 认领')
@ApiBearerAuth()
@Controller('v1')
export class ClaimsController {
  constructor(
    private readonly cancelClaim: CancelClaimUseCase,
    private readonly claims: ClaimsQueryService,
    private readonly reservations: ReservationsUseCase,
    private readonly zones: CommunityZones,
  ) {}

  /** Volunteers: their own; coordinators: their members'; organisers: all. */
  @Get('claims')
  @ApiDoc('List claims · 认领列表')
  @ApiOkResponse({ type: ClaimPageDto.Output })
  async list(@CurrentActor() actor: Actor, @Query() query: ListClaimsQuery) {
    const page = await this.claims.list(actor, query);
    const zone = await this.zones.of(actor.communityId);
    return { ...page, items: page.items.map((claim) => mapClaim(claim, zone)) };
  }

  /** Cancels; a freed place goes back to its organisation's reservation, or to the waitlist. */
  @Post('claims/:id/cancel')
  @HttpCode(200)
  @ApiDoc('Cancel a claim · 取消认领', 'NOT_FOUND', 'CLAIM_NOT_ACTIVE', 'CANCEL_CUTOFF_PASSED')
  @ApiOkResponse({ type: ClaimDto.Output })
  async cancel(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<ClaimResponse> {
    const claim = await this.cancelClaim.execute(actor, id);
    return mapClaim(claim, await this.zones.of(actor.communityId));
  }

  /** A coordinator puts a member on one of the organisation's held places. */
  @Post('reservations/:id/assignments')
  @Roles('organiser', 'coordinator')
  @Idempotent()
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiDoc(
    'Put a member on a reserved place · 分配成员到预留名额',
    'NOT_FOUND',
    'RESERVATION_NOT_ACTIVE',
    'RESERVATION_FULL',
    'NOT_A_MEMBER',
    'ALREADY_CLAIMED',
    ...CLAIM_REFUSALS,
  )
  @ApiCreatedResponse({ type: ClaimDto.Output })
  async assign(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() body: AssignRequest,
  ): Promise<ClaimResponse> {
    const claim = await this.reservations.assign(actor, id, body.personId);
    return mapClaim(claim, await this.zones.of(actor.communityId));
  }
}
