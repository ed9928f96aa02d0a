import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { EntityManager } from '@mikro-orm/core';
import { DomainError } from '../errors';
import { scopeToCommunity } from '../tenancy/tenant-filter';
import { Actor, Role } from './actor';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './auth.decorators';
import { TokenService } from './token.service';
import { SessionCheck } from './session-check';

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(), whose session is
 * still current (not revoked: SessionCheck). It scopes the request's entity manager to the
 * caller's community, then checks @Roles().
 */
@Injectable()
export class AuthGuard implements CanActivate {
  /** What each route's decorators say, by class and handler, read once (metadata is fixed at start-up). */
  private readonly routes = new WeakMap<object, WeakMap<object, { isPublic: boolean; roles?: Role[] }>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly em: EntityManager,
    private readonly sessions: SessionCheck,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const route = this.routeOf(context);
    if (route.isPublic) return true;
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; actor?: Actor }>();
    const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(request.headers.authorization ?? '');
    const actor = match ? this.tokens.verify(match[1]) : undefined;
    if (!actor)
      throw new DomainError(
        'UNAUTHENTICATED',
        match
          ? 'The access token is invalid or expired'
          : 'Send an access token: Authorization: Bearer <token>',
      );
    if (!(await this.sessions.isCurrent(actor)))
      throw new DomainError(
        'UNAUTHENTICATED',
        'This session has ended (account disabled or changed): sign in again',
      );
    request.actor = actor;
    scopeToCommunity(this.em, actor.communityId);
    const allowed = route.roles;
    if (allowed && !allowed.includes(actor.role)) {
      throw new DomainError('FORBIDDEN', `This needs one of the roles: ${allowed.join(', ')}`);
    }
    return true;
  }

  private routeOf(context: ExecutionContext): { isPublic: boolean; roles?: Role[] } {
    const [handler, type] = [context.getHandler(), context.getClass()];
    let ofClass = this.routes.get(type);
    if (!ofClass) this.routes.set(type, (ofClass = new WeakMap()));
    let route = ofClass.get(handler);
    if (!route) {
      route = {
        isPublic: this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [handler, type]) === true,
        roles: this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, [handler, type]),
      };
      ofClass.set(handler, route);
    }
    return route;
  }
}
