export enum Role {
  /** Operator of the instance: everything, everywhere. */
  Admin = 'admin',
  /** Coordinating body (committee, department, chief specialist, ЦУР) of one or more jurisdictions. */
  Coordinator = 'coordinator',
  /** Press office of one or more organizations. */
  Editor = 'editor',
  /** Read-only access to everything (auditors, management). */
  Viewer = 'viewer',
}
export const ROLES = Object.values(Role);
