import type { Principal } from '../auth/principal';
import { Role } from '../auth/role';

/** What a caller may list: undefined members mean "no restriction". */
export interface Visibility {
  jurisdictions?: string[];
  organizations?: string[];
}

/** The list-side twin of the AccessGuard's scope rules (admins and viewers see everything). */
export function visibilityOf(principal: Principal): Visibility {
  switch (principal.role) {
    case Role.Admin:
    case Role.Viewer:
      return {};
    case Role.Coordinator:
      return { jurisdictions: principal.jurisdictions };
    case Role.Editor:
      return { organizations: principal.organizations };
  }
}
