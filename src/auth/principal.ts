import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { TokenKind } from './auth-token.entity';
import { Role } from './role';

/** Who is calling, resolved once per request by the AccessGuard. */
export interface Principal {
  userId: string;
  email: string;
  fullName: string;
  role: Role;
  jurisdictions: string[];
  organizations: string[];
  tokenId: string;
  tokenKind: TokenKind;
}

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a public route');
  return principal;
});
