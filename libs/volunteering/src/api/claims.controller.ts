import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { Actor, CurrentActor, Idempotent, Roles } from '@linli/platform';
import { CancelClaimUseCase } from '../application/claims/cancel-claim.use-case';
import { ClaimsQueryService } from '../application/claims/claims-query.service';
import { ReservationsUseCase } from '../application/reservations/reservations.use-case';
import { mapClaim } from './volunteering.mapper';
import { AssignRequest, ClaimDto, ClaimPageDto, ClaimResponse, ListClaimsQuery } from './claim.schema';

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
  ) {}

  /** Volunteers: their own; coordinators: their members'; organisers: all. */
  @Get('claims')
  @ApiOkResponse({ type: ClaimPageDto.Output })
  async list(@CurrentActor() actor: Actor, @Query() query: ListClaimsQuery) {
    const page = await this.claims.list(actor, query);
    return { ...page, items: page.items.map(mapClaim) };
  }

  /** Cancels; a freed place goes back to its organisation's reservation, or to the waitlist. */
  @Post('claims/:id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: ClaimDto.Output })
  async cancel(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<ClaimResponse> {
    return mapClaim(await this.cancelClaim.execute(actor, id));
  }

  /** A coordinator puts a member on one of the organisation's held places. */
  @Post('reservations/:id/assignments')
  @Roles('organiser', 'coordinator')
  @Idempotent()
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: ClaimDto.Output })
  async assign(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() body: AssignRequest,
  ): Promise<ClaimResponse> {
    return mapClaim(await this.reservations.assign(actor, id, body.personId));
  }
}
