import { Role } from '../auth/role';
import type { OfficialRole } from './official.entity';
import { responsibleRankRefusal } from './policy.rules';
import type { Citation, JurisdictionPolicy, OfficialRank } from './policy.types';

/** The facts of an official the rules look at. */
export interface OfficialFacts {
  fullName: string;
  position: string;
  rank: OfficialRank;
  roles: OfficialRole[];
  workEmail: string | null;
  workPhone: string | null;
  esiaConfirmedOn: string | null;
  activeFrom: string;
  activeTo: string | null;
}

export type OfficialRefusal =
  | { reason: 'responsible_rank_too_low'; minimumRank: OfficialRank; citation: Citation }
  | { reason: 'esia_confirmation_required'; citation?: Citation };

/**
 * Why the policy refuses this official, if it does: a responsible official below the rank floor
 * (Krasnodar 413 Порядок p.2, Blagodarny 3.3.1.2) or an authorized person without ESIA
 * identification (Blagodarny 2.3, 3.3.1.3).
 */
export function officialRefusal(
  official: Pick<OfficialFacts, 'rank' | 'roles' | 'esiaConfirmedOn'>,
  policy: JurisdictionPolicy,
): OfficialRefusal | undefined {
  const floor = policy.responsibleMinRank.rank;
  // A policy with a rank floor always carries its citation (policyProblems demands it).
  const rankCitation = official.roles.includes('responsible')
    ? responsibleRankRefusal(official.rank, policy)
    : undefined;
  if (floor && rankCitation) return { reason: 'responsible_rank_too_low', minimumRank: floor, citation: rankCitation };
  if (official.roles.includes('authorized') && policy.esiaAuthorizedRequired.required && !official.esiaConfirmedOn) {
    return { reason: 'esia_confirmation_required', citation: policy.esiaAuthorizedRequired.citation };
  }
  return undefined;
}

export type OfficialEventType = 'official_assigned' | 'official_changed' | 'responsible_changed' | 'executor_changed';

const CONTACT_FIELDS = ['fullName', 'position', 'workEmail', 'workPhone', 'activeFrom', 'activeTo'] as const;

/**
 * Which registry events an assignment or a change makes. The coordinator must learn of a new or
 * changed responsible person, its contacts included (Khabarovsk постановление p.4–5), and of a
 * changed executor (Khabarovsk Положение 2 p.5); anything else is plain history.
 */
export function officialEventTypes(before: OfficialFacts | null, after: OfficialFacts): OfficialEventType[] {
  const touched = (role: OfficialRole) => {
    const had = before?.roles.includes(role) ?? false;
    const has = after.roles.includes(role);
    if (had !== has) return true;
    return has && !!before && CONTACT_FIELDS.some((f) => before[f] !== after[f]);
  };
  const types: OfficialEventType[] = [];
  if (touched('responsible')) types.push('responsible_changed');
  if (touched('executor')) types.push('executor_changed');
  if (types.length) return types;
  return [before ? 'official_changed' : 'official_assigned'];
}

/** Names of the fields that differ, for the event's record (never the values of contacts). */
export function changedOfficialFields(before: OfficialFacts, after: OfficialFacts): (keyof OfficialFacts)[] {
  return (Object.keys(after) as (keyof OfficialFacts)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}

/**
 * Work phones and e-mails of officials are shown to admins, the jurisdiction's coordinators and
 * the organization's own editors (the AccessGuard already keeps everybody else out of the
 * organization); read-only viewers and the public never see them.
 */
export function mayReadContacts(role: Role): boolean {
  switch (role) {
    case Role.Admin:
    case Role.Coordinator:
    case Role.Editor:
      return true;
    case Role.Viewer:
      return false;
  }
}
