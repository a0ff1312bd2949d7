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

describe('report.editCostAssumptions', () => {
  // [own council (Derbyshire), another council]: the hub manager sets any council's weekly rates, a fostering
  // manager only their own; nobody else changes them (DOMAIN.md §6.6).
  const EXPECTED: Record<Role, [boolean, boolean]> = {
    hubOfficer: [false, false], hubManager: [true, true], socialWorker: [false, false], fosteringManager: [true, false],
    decisionMaker: [false, false], panelAdviser: [false, false], mockingbirdLiaison: [false, false], panelMember: [false, false],
    regionalViewer: [false, false], administrator: [false, false], applicant: [false, false],
  };
  for (const [role, expected] of Object.entries(EXPECTED) as [Role, [boolean, boolean]][]) {
    it(`${role}`, () => {
      const viewer = viewerFor(role);
      expect([
        can(viewer, 'report.editCostAssumptions', { councilId: 'derbyshire' }),
        can(viewer, 'report.editCostAssumptions', { councilId: 'nottinghamshire' }),
      ]).toEqual(expected);
    });
  }
});

describe('Mockingbird and SGO support', () => {
  // Written out by hand from DOMAIN.md §1.3–1.4, §3.3, §5. Each pair is [own council (Derbyshire), another council].
  // Columns: mockingbird.view, mockingbird.manage, sgo.view, sgo.manage, sgo.setAllowance
  const N: [boolean, boolean] = [false, false];
  const Y: [boolean, boolean] = [true, false];
  const EXPECTED: Record<Role, [boolean, boolean][]> = {
    hubOfficer: [N, N, N, N, N],
    hubManager: [N, N, N, N, N],
    socialWorker: [Y, N, Y, Y, N],
    fosteringManager: [Y, Y, Y, Y, Y],
    decisionMaker: [Y, N, N, N, N],
    panelAdviser: [Y, N, N, N, N],
    mockingbirdLiaison: [Y, Y, N, N, N],
    panelMember: [N, N, N, N, N],
    regionalViewer: [N, N, N, N, N],
    administrator: [N, N, N, N, N],
    applicant: [N, N, N, N, N],
  };
  const ACTIONS = ['mockingbird.view', 'mockingbird.manage', 'sgo.view', 'sgo.manage', 'sgo.setAllowance'] as const;
  for (const [role, expected] of Object.entries(EXPECTED) as [Role, [boolean, boolean][]][]) {
    it(`${role}`, () => {
      const viewer = viewerFor(role);
      expect(
        ACTIONS.map((action) => [can(viewer, action, { councilId: 'derbyshire' }), can(viewer, action, { councilId: 'nottinghamshire' })]),
      ).toEqual(expected);
    });
  }
});

describe('approved households (carers.*)', () => {
  // [view, manage, assign the supervising worker, end approval] for an approval of the viewer's own council
  // (Derbyshire); for another council's approval, only the administrator. Written out from DOMAIN.md §1.3 and §4.
  const OWN_COUNCIL: Record<Role, [boolean, boolean, boolean, boolean]> = {
    hubOfficer: [false, false, false, false],
    hubManager: [false, false, false, false],
    socialWorker: [true, true, false, false],
    fosteringManager: [true, true, true, true],
    decisionMaker: [true, true, false, true],
    panelAdviser: [true, false, false, false],
    mockingbirdLiaison: [false, false, false, false],
    panelMember: [false, false, false, false],
    regionalViewer: [false, false, false, false],
    administrator: [true, true, true, true],
    applicant: [false, false, false, false],
  };
  for (const [role, expected] of Object.entries(OWN_COUNCIL) as [Role, [boolean, boolean, boolean, boolean]][]) {
    it(`${role}`, () => {
      const viewer = viewerFor(role);
      const answers = (councilId: string) =>
        (['carers.view', 'carers.manage', 'carers.assignSupervisor', 'carers.endApproval'] as const).map((action) => can(viewer, action, { councilId }));
      expect(answers('derbyshire')).toEqual(expected);
      expect(answers('nottinghamshire')).toEqual(role === 'administrator' ? [true, true, true, true] : [false, false, false, false]);
    });
  }
});

describe('assertCan', () => {
  it('throws Forbidden when can says no, and nothing when it says yes', () => {
    expect(() => assertCan(viewerFor('hubManager'), 'user.manage')).toThrow(Forbidden);
    expect(() => assertCan(viewerFor('administrator'), 'user.manage')).not.toThrow();
  });
});
