import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessRule, ACCESS_RULE, PUBLIC_ROUTE, ScopeSource } from './access.decorator';
import { AuthError, AuthErrorCode } from './auth.errors';
import { AuthService } from './auth.service';
import { AuthenticatedRequest, Principal } from './principal';
import { Role } from './role';
import { UsersRepository } from './users.repository';

const READ_METHODS = new Set(['GET', 'HEAD']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one place where authentication, roles and scopes are enforced: admins everywhere,
 * coordinators in their jurisdictions (and the organizations there), editors in their
 * organizations, viewers read-only.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly users: UsersRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new AuthError(AuthErrorCode.UNAUTHENTICATED);
    const principal = await this.auth.authenticate(token);
    request.principal = principal;

    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, targets) ?? {};
    if (rule.roles && !rule.roles.includes(principal.role)) throw new AuthError(AuthErrorCode.FORBIDDEN_ROLE);
    if (principal.role === Role.Viewer && !READ_METHODS.has(request.method) && !rule.ownCredentials) {
      throw new AuthError(AuthErrorCode.FORBIDDEN_ROLE);
    }
    if (principal.role === Role.Admin || principal.role === Role.Viewer) return true;

    const jurisdiction = rule.jurisdiction && read(request, rule.jurisdiction);
    if (jurisdiction !== undefined && !this.mayAccessJurisdiction(principal, jurisdiction)) {
      throw new AuthError(AuthErrorCode.FORBIDDEN_SCOPE);
    }
    const organization = rule.organization && read(request, rule.organization);
    // A malformed id is left to the route's own validation (400); it can reach no data.
    if (
      organization !== undefined &&
      UUID.test(organization) &&
      !(await this.mayAccessOrganization(principal, organization))
    ) {
      throw new AuthError(AuthErrorCode.FORBIDDEN_SCOPE);
    }
    const page = rule.page && read(request, rule.page);
    if (page !== undefined && UUID.test(page)) {
      const owner = await this.users.organizationOfPage(page);
      // A page that does not exist: let the route answer 404.
      if (owner && !(await this.mayAccessOrganization(principal, owner))) {
        throw new AuthError(AuthErrorCode.FORBIDDEN_SCOPE);
      }
    }
    return true;
  }

  private mayAccessJurisdiction(principal: Principal, code: string) {
    return principal.role === Role.Coordinator && principal.jurisdictions.includes(code);
  }

  private async mayAccessOrganization(principal: Principal, id: string) {
    if (principal.role === Role.Editor) return principal.organizations.includes(id);
    const jurisdiction = await this.users.jurisdictionOfOrganization(id);
    // An organization that does not exist: let the route answer 404.
    if (jurisdiction === undefined) return true;
    return principal.jurisdictions.includes(jurisdiction);
  }
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

function read(request: AuthenticatedRequest, source: ScopeSource): string | undefined {
  const [bag, key] =
    'param' in source
      ? [request.params, source.param]
      : 'query' in source
        ? [request.query, source.query]
        : [request.body, source.body];
  const value = (bag as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
