import { describe, expect, it } from 'vitest';
import { assertCan, can, type Action } from '~/modules/auth/access.server';
import { isCouncilRole, type Role } from '~/modules/auth/roles';
import type { Viewer } from '~/modules/auth/viewer';
import { Forbidden } from '~/lib/errors';

function viewerFor(role: Role): Viewer {
  const base = { userId: `user-${role}`, name: role, email: `${role}@example.test`, sessionId: 's' };
  if (isCouncilRole(role)) return { ...base, role, councilId: 'derbyshire' };
  return { ...base, role, councilId: null };
}

// Written out by hand from DOMAIN.md §1.3: Y = may, . = may not.
// Columns: household.view, user.manage, audit.view, email.retry, import.run, report.view, report.viewUnsuppressed, export.households
const ROLE_ACTIONS: Record<Role, string> = {
  hubOfficer:         'Y . . . . . . .',
  hubManager:         'Y . . . . Y Y Y',
  socialWorker:       'Y . . . . . . .',
  fosteringManager:   'Y . . . . Y Y Y',
  decisionMaker:      'Y . . . . . . .',
  panelAdviser:       'Y . . . . . . .',
  mockingbirdLiaison: 'Y . . . . . . .',
  regionalViewer:     '. . . . . Y . .',
  administrator:      '. Y Y Y Y . . .',
  applicant:          'Y . . . . . . .',
};
const COLUMNS = [
  'household.view', 'user.manage', 'audit.view', 'email.retry', 'import.run', 'report.view', 'report.viewUnsuppressed', 'export.households',
] as const satisfies readonly Exclude<Action, 'household.viewAssessment'>[];

describe('can, for actions decided by role alone', () => {
  for (const [role, row] of Object.entries(ROLE_ACTIONS) as [Role, string][]) {
    it(`${role}: ${row}`, () => {
      const viewer = viewerFor(role);
      const answers = COLUMNS.map((action) => (can(viewer, action) ? 'Y' : '.')).join(' ');
      expect(answers).toBe(row);
    });
  }
});

describe('household.viewAssessment', () => {
  // Same council: may the role read Form F, checks and references? Other council: never.
  const SAME_COUNCIL: Record<Role, boolean> = {
    hubOfficer: false, hubManager: false, socialWorker: true, fosteringManager: true, decisionMaker: true,
    panelAdviser: true, mockingbirdLiaison: false, regionalViewer: false, administrator: false, applicant: false,
  };

  for (const [role, expected] of Object.entries(SAME_COUNCIL) as [Role, boolean][]) {
    it(`${role} ${expected ? 'may' : 'may not'} in their own council, and may not in another`, () => {
      const viewer = viewerFor(role);
      expect(can(viewer, 'household.viewAssessment', { allocatedCouncilId: 'derbyshire' })).toBe(expected);
      expect(can(viewer, 'household.viewAssessment', { allocatedCouncilId: 'nottinghamshire' })).toBe(false);
      expect(can(viewer, 'household.viewAssessment', { allocatedCouncilId: null })).toBe(false);
    });
  }
});

describe('assertCan', () => {
  it('throws Forbidden when can says no, and nothing when it says yes', () => {
    expect(() => assertCan(viewerFor('hubManager'), 'user.manage')).toThrow(Forbidden);
    expect(() => assertCan(viewerFor('administrator'), 'user.manage')).not.toThrow();
  });
});
