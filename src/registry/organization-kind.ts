/** Kinds of organizations the acts distinguish (DOMAIN.md §1). */
export enum OrganizationKind {
  RegionalGovernment = 'regional_government',
  Administration = 'administration',
  ExecutiveBody = 'executive_body',
  AdministrationOrgan = 'administration_organ',
  SubordinateOrganization = 'subordinate_organization',
  SettlementAdministration = 'settlement_administration',
}
