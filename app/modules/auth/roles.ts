// The roles of DOMAIN.md §1.3. Hub roles work across all four councils; council roles belong to one.
export const HUB_ROLES = ['hubOfficer', 'hubManager'] as const;
export const COUNCIL_ROLES = [
  'socialWorker',
  'fosteringManager',
  'decisionMaker',
  'panelAdviser',
  'mockingbirdLiaison',
  'panelMember',
] as const;
export const OTHER_STAFF_ROLES = ['regionalViewer', 'administrator'] as const;
export const STAFF_ROLES = [...HUB_ROLES, ...COUNCIL_ROLES, ...OTHER_STAFF_ROLES] as const;
export const ROLES = [...STAFF_ROLES, 'applicant'] as const;

export type HubRole = (typeof HUB_ROLES)[number];
export type CouncilRole = (typeof COUNCIL_ROLES)[number];
export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  hubOfficer: 'Hub recruitment officer',
  hubManager: 'Hub manager',
  socialWorker: 'Council social worker',
  fosteringManager: 'Council fostering team manager',
  decisionMaker: 'Agency decision maker',
  panelAdviser: 'Panel adviser',
  mockingbirdLiaison: 'Mockingbird liaison worker',
  panelMember: 'Fostering panel member',
  regionalViewer: 'Regional board viewer',
  administrator: 'System administrator',
  applicant: 'Applicant',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isCouncilRole(role: Role): role is CouncilRole {
  return (COUNCIL_ROLES as readonly string[]).includes(role);
}

export function isHubRole(role: Role): role is HubRole {
  return (HUB_ROLES as readonly string[]).includes(role);
}

/** Where each role lands after signing in. */
export const HOME_PATH: Record<Role, string> = {
  hubOfficer: '/hub',
  hubManager: '/hub',
  socialWorker: '/council',
  fosteringManager: '/council',
  decisionMaker: '/council',
  panelAdviser: '/council',
  mockingbirdLiaison: '/council',
  panelMember: '/council/panels',
  regionalViewer: '/reports',
  administrator: '/admin',
  applicant: '/apply',
};
