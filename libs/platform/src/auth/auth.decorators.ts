import { SetMetadata, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Actor, Role } from './actor';

export const PUBLIC_ROUTE = 'linli:public';
export const ALLOWED_ROLES = 'linli:roles';

/** No token needed (login, health, public feeds). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** Only these roles may call; others get 403 FORBIDDEN. Without it any signed-in role may. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ALLOWED_ROLES, roles);

export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<{ actor: Actor }>().actor;
});
