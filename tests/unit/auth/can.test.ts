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
// Columns: household.view, user.manage, audit.view, email.retry, import.run, report.view, report.viewUnsuppressed,
// export.households, caseload.viewTeam, panel.view, panel.manageMembers
const ROLE_ACTIONS: Record<Role, string> = {
  hubOfficer:         'Y . . . . . . . . . .',
  hubManager:         'Y . . . . Y Y Y Y . .',
  socialWorker:       'Y . . . . . . . . Y .',
  fosteringManager:   'Y . . . . Y Y Y Y Y Y',
  decisionMaker:      'Y . . . . . . . . Y .',
  panelAdviser:       'Y . . . . . . . . Y Y',
  mockingbirdLiaison: 'Y . . . . . . . . . .',
  panelMember:        'Y . . . . . . . . Y .',
  regionalViewer:     '. . . . . Y . . . . .',
  administrator:      '. Y Y Y Y . . . . . .',
  applicant:          'Y . . . . . . . . . .',
};
const COLUMNS = [
  'household.view', 'user.manage', 'audit.view', 'email.retry', 'import.run', 'report.view', 'report.viewUnsuppressed',
  'export.households', 'caseload.viewTeam', 'panel.view', 'panel.manageMembers',
] as const satisfies readonly Exclude<Action, 'household.viewAssessment' | 'household.casework' | 'household.assignWorker'>[];

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
    panelAdviser: true, mockingbirdLiaison: false, panelMember: false, regionalViewer: false, administrator: false, applicant: false,
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

describe('casework and assigning a worker', () => {
  // [may work the case, may assign its worker] for a pre-handover case, then for one allocated to the viewer's own
  // council (Derbyshire); a case allocated to another council is never theirs.
  const EXPECTED: Record<Role, { beforeHandover: [boolean, boolean]; ownCouncil: [boolean, boolean] }> = {
    hubOfficer: { beforeHandover: [true, false], ownCouncil: [false, false] },
    hubManager: { beforeHandover: [true, true], ownCouncil: [false, false] },
    socialWorker: { beforeHandover: [false, false], ownCouncil: [true, false] },
    fosteringManager: { beforeHandover: [false, false], ownCouncil: [true, true] },
    decisionMaker: { beforeHandover: [false, false], ownCouncil: [true, false] },
    panelAdviser: { beforeHandover: [false, false], ownCouncil: [true, false] },
    mockingbirdLiaison: { beforeHandover: [false, false], ownCouncil: [false, false] },
    // Read-only: a panel member reads the papers and works nothing.
    panelMember: { beforeHandover: [false, false], ownCouncil: [false, false] },
    regionalViewer: { beforeHandover: [false, false], ownCouncil: [false, false] },
    administrator: { beforeHandover: [false, false], ownCouncil: [false, false] },
    applicant: { beforeHandover: [false, false], ownCouncil: [false, false] },
  };

  for (const [role, { beforeHandover, ownCouncil }] of Object.entries(EXPECTED) as [Role, (typeof EXPECTED)[Role]][]) {
    it(`${role}`, () => {
      const viewer = viewerFor(role);
      const answers = (allocatedCouncilId: string | null) => [
        can(viewer, 'household.casework', { allocatedCouncilId }),
        can(viewer, 'household.assignWorker', { allocatedCouncilId }),
      ];
      expect(answers(null)).toEqual(beforeHandover);
      expect(answers('derbyshire')).toEqual(ownCouncil);
      expect(answers('nottinghamshire')).toEqual([false, false]);
    });
  }
});

describe('assertCan', () => {
  it('throws Forbidden when can says no, and nothing when it says yes', () => {
    expect(() => assertCan(viewerFor('hubManager'), 'user.manage')).toThrow(Forbidden);
    expect(() => assertCan(viewerFor('administrator'), 'user.manage')).not.toThrow();
  });
});
