import { SetMetadata } from '@nestjs/common';
import { Role } from './role';

/** Where the guard reads the jurisdiction code or organization id a route is about. */
export type ScopeSource = { param: string } | { query: string } | { body: string };

export interface AccessRule {
  /** Roles allowed on the route; all roles when omitted. Viewers are read-only whatever this says. */
  roles?: Role[];
  jurisdiction?: ScopeSource;
  organization?: ScopeSource;
  /** An official page id: the organization rule applies to the page's organization. */
  page?: ScopeSource;
  /** The route acts only on the caller's own credentials (log out, own API tokens): viewers may call it. */
  ownCredentials?: boolean;
}

export const ACCESS_RULE = 'access:rule';
export const PUBLIC_ROUTE = 'access:public';

/** Declares who may call a route; checked in one place, the AccessGuard. */
export const Access = (rule: AccessRule) => SetMetadata(ACCESS_RULE, rule);

/** The public registry, calendar reads, health and docs: no token needed. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
