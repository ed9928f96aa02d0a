import { Injectable } from '@nestjs/common';
import { Actor, forbidden } from '@linli/platform';
import { ReservationQueries, type ReservationFilter } from '../../infra/reservation.queries';

/**
 * Organisation reservations as a list: organisers see every organisation's, coordinators their own
 * organisation's (asking for another one is refused, not answered empty).
 */
@Injectable()
export class ReservationsQueryService {
  constructor(private readonly queries: ReservationQueries) {}

  list(actor: Actor, query: ReservationFilter & { page: number; pageSize: number; sort: string }) {
    const { page, pageSize, sort, ...filter } = query;
    if (actor.role === 'volunteer') throw forbidden('Organisers and coordinators see reservations');
    if (actor.role === 'coordinator') {
      const own = actor.organisationId;
      if (!own || (filter.organisationId && filter.organisationId !== own))
        throw forbidden("Coordinators see their own organisation's reservations");
      filter.organisationId = own;
    }
    return this.queries.list(actor.communityId, filter, { page, pageSize, sort });
  }
}
