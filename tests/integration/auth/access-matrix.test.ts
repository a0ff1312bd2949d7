import type { LoaderFunctionArgs } from '@remix-run/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { isCouncilRole, ROLES, type Role } from '~/modules/auth/roles';
import { createSession } from '~/modules/auth/sessions.server';
import * as adminLayout from '~/routes/admin';
import * as adminHome from '~/routes/admin._index';
import * as adminAudit from '~/routes/admin.audit';
import * as adminEmails from '~/routes/admin.emails';
import * as adminImport from '~/routes/admin.import';
import * as adminRecords from '~/routes/admin.records';
import * as adminUsers from '~/routes/admin.users._index';
import * as adminUsersNew from '~/routes/admin.users.new';
import * as applyLayout from '~/routes/apply';
import * as applyHome from '~/routes/apply._index';
import * as applyApplication from '~/routes/apply.application._index';
import * as applyWithdraw from '~/routes/apply.withdraw';
import * as councilLayout from '~/routes/council';
import * as councilHome from '~/routes/council._index';
import * as councilCarers from '~/routes/council.carers._index';
import * as councilCarer from '~/routes/council.carers.$approvalId';
import * as councilHousehold from '~/routes/council.households.$householdId';
import * as councilKinshipNew from '~/routes/council.kinship.new';
import * as councilMockingbird from '~/routes/council.mockingbird._index';
import * as councilConstellation from '~/routes/council.mockingbird.$constellationId';
import * as councilSgoCases from '~/routes/council.sgo._index';
import * as councilSgoCase from '~/routes/council.sgo.$caseId';
import * as councilSgoNew from '~/routes/council.sgo.new';
import * as councilPanel from '~/routes/council.panels.$panelId';
import * as councilPanels from '~/routes/council.panels._index';
import * as hubLayout from '~/routes/hub';
import * as hubHome from '~/routes/hub._index';
import * as hubBoard from '~/routes/hub.board';
import * as hubEnquiriesNew from '~/routes/hub.enquiries.new';
import * as hubHouseholdMerge from '~/routes/hub.households.$householdId_.merge';
import * as hubHouseholdsCsv from '~/routes/hub.households[.csv]';
import * as hubHousehold from '~/routes/hub.households.$householdId';
import * as hubHouseholds from '~/routes/hub.households._index';
import * as reportsLayout from '~/routes/reports';
import * as reportsHome from '~/routes/reports._index';
import * as reportsConversion from '~/routes/reports.conversion';
import * as reportsConversionCsv from '~/routes/reports.conversion[.csv]';
import * as reportsCosts from '~/routes/reports.costs';
import * as reportsCsv from '~/routes/reports.csv.$table';
import * as reportsCouncils from '~/routes/reports.councils';
import * as reportsDashboard from '~/routes/reports.dashboard';
import * as reportsTrends from '~/routes/reports.trends';
import * as reportsBoardPack from '~/routes/reports_.board-pack';
import { createHousehold, createUser } from '../../support/factories';

// Every role, signed in to the same council (Derby City) where it has one, against every page: role × page ×
// same council / other council (STYLE.md §4). The expected statuses are written out by hand from DOMAIN.md §1.3–1.4,
// never computed from access.server.ts, so a change to the rules has to change this table on purpose.
//
// 200 shown · 302 sent to sign in · 403 wrong area · 404 outside the viewer's scope (nobody learns it exists)

type Who = Role | 'signedOut';
const COLUMNS = [
  'hubOfficer',
  'hubManager',
  'socialWorker',
  'fosteringManager',
  'decisionMaker',
  'panelAdviser',
  'mockingbirdLiaison',
  'panelMember',
  'regionalViewer',
  'administrator',
  'applicant',
  'signedOut',
] as const satisfies readonly Who[];

type Page =
  | '/hub'
  | '/hub/households'
  | '/hub/households/:derbyAllocated'
  | '/hub/households/:nottinghamAllocated'
  | '/hub/households/:unknown'
  | '/hub/households/:hubEnquiry/merge'
  | '/hub/households/:derbyAllocated/merge'
  | '/hub/households.csv'
  | '/hub/board'
  | '/hub/enquiries/new'
  | '/council'
  | '/council/kinship/new'
  | '/council/households/:derbyAllocated'
  | '/council/households/:derbyConstellationMember'
  | '/council/households/:nottinghamAllocated'
  | '/council/panels'
  | '/council/panels/:derbyPanel'
  | '/council/panels/:nottinghamPanel'
  | '/council/carers'
  | '/council/carers/:derbyApproval'
  | '/council/carers/:nottinghamApproval'
  | '/council/mockingbird'
  | '/council/mockingbird/:derbyConstellation'
  | '/council/mockingbird/:nottinghamConstellation'
  | '/council/sgo'
  | '/council/sgo/new'
  | '/council/sgo/:derbySgoCase'
  | '/council/sgo/:nottinghamSgoCase'
  | '/reports'
  | '/reports/conversion'
  | '/reports/conversion?council=nottingham-city'
  | '/reports/conversion.csv'
  | '/reports/dashboard'
  | '/reports/dashboard?council=nottingham-city'
  | '/reports/trends'
  | '/reports/councils'
  | '/reports/costs'
  | '/reports/board-pack'
  | '/reports/csv/funnel'
  | '/apply'
  | '/apply/application'
  | '/apply/withdraw'
  | '/admin'
  | '/admin/users'
  | '/admin/users/new'
  | '/admin/audit'
  | '/admin/emails'
  | '/admin/import'
  | '/admin/records';

// prettier-ignore
const EXPECTED: readonly (readonly [Page, ...number[]])[] = [
  //                                               hubOff hubMgr social  fosMgr  ADM  panel  mockb  pnlMbr region admin  applic signedOut
  ['/hub',                                           200,   200,   403,   403,   403,   403,   403,   403,   403,   403,   403,   302],
  ['/hub/households',                                200,   200,   403,   403,   403,   403,   403,   403,   403,   403,   403,   302],
  ['/hub/households/:derbyAllocated',                200,   200,   403,   403,   403,   403,   403,   403,   403,   403,   403,   302],
  ['/hub/households/:nottinghamAllocated',           200,   200,   403,   403,   403,   403,   403,   403,   403,   403,   403,   302],
  ['/hub/households/:unknown',                       404,   404,   403,   403,   403,   403,   403,   403,   403,   403,   403,   302],
  ['/hub/households/:hubEnquiry/merge',              200,   200,   403,   403,   403,   403,   403,   403,   403,   403,   403,   302],
  // Merging is for pre-handover records only: a handed-over case is not found here.
  ['/hub/households/:derbyAllocated/merge',          404,   404,   403,   403,   403,   403,   403,   403,   403,   403,   403,   302],
  // A resource route for any staff; only managers may export, each within their own scope.
  ['/hub/households.csv',                            403,   200,   403,   200,   403,   403,   403,   403,   403,   403,   403,   302],
  ['/hub/board',                                     200,   200,   403,   403,   403,   403,   403,   403,   403,   403,   403,   302],
  ['/hub/enquiries/new',                             200,   200,   403,   403,   403,   403,   403,   403,   403,   403,   403,   302],
  ['/council',                                       403,   403,   200,   200,   200,   200,   200,   200,   403,   403,   403,   302],
  // Kinship referrals come from the council's social workers and their managers (DOMAIN.md §3.1).
  ['/council/kinship/new',                           403,   403,   200,   200,   403,   403,   403,   403,   403,   403,   403,   302],
  // A panel member reads only the cases on the panels they sit on: here the constellation member's.
  ['/council/households/:derbyAllocated',            403,   403,   200,   200,   200,   200,   404,   404,   403,   403,   403,   302],
  ['/council/households/:derbyConstellationMember',  403,   403,   200,   200,   200,   200,   200,   200,   403,   403,   403,   302],
  ['/council/households/:nottinghamAllocated',       403,   403,   404,   404,   404,   404,   404,   404,   403,   403,   403,   302],
  // Panel agendas are assessment papers: the council's assessing roles, and panel members for the panels they sit
  // on (the panel member sits on the Derby City panel only). The Mockingbird liaison has no panel papers.
  ['/council/panels',                                403,   403,   200,   200,   200,   200,   403,   200,   403,   403,   403,   302],
  ['/council/panels/:derbyPanel',                    403,   403,   200,   200,   200,   200,   404,   200,   403,   403,   403,   302],
  ['/council/panels/:nottinghamPanel',               403,   403,   404,   404,   404,   404,   404,   404,   403,   403,   403,   302],
  // Approved households (DOMAIN.md §4): the approving council's staff; the liaison worker and panel members have no
  // access to the records (refused the list, the record not found); the hub sees them only in the reports.
  ['/council/carers',                                403,   403,   200,   200,   200,   200,   403,   403,   403,   403,   403,   302],
  ['/council/carers/:derbyApproval',                 403,   403,   200,   200,   200,   200,   404,   404,   403,   403,   403,   302],
  ['/council/carers/:nottinghamApproval',            403,   403,   404,   404,   404,   404,   404,   404,   403,   403,   403,   302],
  // Mockingbird is the council's own service (DOMAIN.md §5): its staff, not panel members; the hub and the board see
  // only the aggregate figures in the reports. Another council's constellation is not found.
  ['/council/mockingbird',                           403,   403,   200,   200,   200,   200,   200,   403,   403,   403,   403,   302],
  ['/council/mockingbird/:derbyConstellation',       403,   403,   200,   200,   200,   200,   200,   403,   403,   403,   403,   302],
  ['/council/mockingbird/:nottinghamConstellation',  403,   403,   404,   404,   404,   404,   404,   403,   403,   403,   403,   302],
  // SGO support and its finances: the supervising social workers and their managers (DOMAIN.md §1.4, §3.3).
  ['/council/sgo',                                   403,   403,   200,   200,   403,   403,   403,   403,   403,   403,   403,   302],
  ['/council/sgo/new',                               403,   403,   200,   200,   403,   403,   403,   403,   403,   403,   403,   302],
  ['/council/sgo/:derbySgoCase',                     403,   403,   200,   200,   403,   403,   403,   403,   403,   403,   403,   302],
  ['/council/sgo/:nottinghamSgoCase',                403,   403,   404,   404,   403,   403,   403,   403,   403,   403,   403,   302],
  ['/reports',                                       403,   200,   403,   200,   403,   403,   403,   403,   200,   403,   403,   302],
  ['/reports/conversion',                            403,   200,   403,   200,   403,   403,   403,   403,   200,   403,   403,   302],
  // A council's fostering manager (Derby City here) is refused another council's figures; the hub and the board are not.
  ['/reports/conversion?council=nottingham-city',    403,   200,   403,   403,   403,   403,   403,   403,   200,   403,   403,   302],
  // A resource route: the same audience as the page.
  ['/reports/conversion.csv',                        403,   200,   403,   200,   403,   403,   403,   403,   200,   403,   403,   302],
  ['/reports/dashboard',                             403,   200,   403,   200,   403,   403,   403,   403,   200,   403,   403,   302],
  ['/reports/dashboard?council=nottingham-city',     403,   200,   403,   403,   403,   403,   403,   403,   200,   403,   403,   302],
  ['/reports/trends',                                403,   200,   403,   200,   403,   403,   403,   403,   200,   403,   403,   302],
  // A fostering manager sees their own council's column only; the hub and the board see all four.
  ['/reports/councils',                              403,   200,   403,   200,   403,   403,   403,   403,   200,   403,   403,   302],
  // Everyone with reports reads the cost view; the form to change a rate is for managers (checked on the post).
  ['/reports/costs',                                 403,   200,   403,   200,   403,   403,   403,   403,   200,   403,   403,   302],
  // Printable, outside the reports layout, and always suppressed.
  ['/reports/board-pack',                            403,   200,   403,   200,   403,   403,   403,   403,   200,   403,   403,   302],
  // One table as CSV: the same audience as the pages.
  ['/reports/csv/funnel',                            403,   200,   403,   200,   403,   403,   403,   403,   200,   403,   403,   302],
  ['/apply',                                         403,   403,   403,   403,   403,   403,   403,   403,   403,   403,   200,   302],
  // The applicant's own household is at 'invited', so their application form opens.
  ['/apply/application',                             403,   403,   403,   403,   403,   403,   403,   403,   403,   403,   200,   302],
  // Only ever the applicant's own household, which is still open, so the withdrawal form shows.
  ['/apply/withdraw',                                403,   403,   403,   403,   403,   403,   403,   403,   403,   403,   200,   302],
  ['/admin',                                         403,   403,   403,   403,   403,   403,   403,   403,   403,   200,   403,   302],
  ['/admin/users',                                   403,   403,   403,   403,   403,   403,   403,   403,   403,   200,   403,   302],
  ['/admin/users/new',                               403,   403,   403,   403,   403,   403,   403,   403,   403,   200,   403,   302],
  ['/admin/audit',                                   403,   403,   403,   403,   403,   403,   403,   403,   403,   200,   403,   302],
  ['/admin/emails',                                  403,   403,   403,   403,   403,   403,   403,   403,   403,   200,   403,   302],
  ['/admin/import',                                  403,   403,   403,   403,   403,   403,   403,   403,   403,   200,   403,   302],
  // Emergency access to carers' records: administrators only (DOMAIN.md §1.3); the record itself needs a POST with a reason.
  ['/admin/records',                                 403,   403,   403,   403,   403,   403,   403,   403,   403,   200,   403,   302],
];

type Loader = (args: LoaderFunctionArgs) => unknown;
type HouseholdKey = 'derbyAllocated' | 'nottinghamAllocated' | 'derbyConstellationMember' | 'hubEnquiry' | 'unknown';
type PanelKey = 'derbyPanel' | 'nottinghamPanel';
type ConstellationKey = 'derbyConstellation' | 'nottinghamConstellation';
type SgoCaseKey = 'derbySgoCase' | 'nottinghamSgoCase';
type ApprovalKey = 'derbyApproval' | 'nottinghamApproval';

/** The loaders Remix runs for each page, outermost layout first, and the household or panel the page is about. */
const PAGES: Record<
  Page,
  { loaders: readonly Loader[]; household?: HouseholdKey; panel?: PanelKey; constellation?: ConstellationKey; sgoCase?: SgoCaseKey; approval?: ApprovalKey }
> = {
  '/hub': { loaders: [hubLayout.loader, hubHome.loader] },
  '/hub/households': { loaders: [hubLayout.loader, hubHouseholds.loader] },
  '/hub/households/:derbyAllocated': { loaders: [hubLayout.loader, hubHousehold.loader], household: 'derbyAllocated' },
  '/hub/households/:nottinghamAllocated': { loaders: [hubLayout.loader, hubHousehold.loader], household: 'nottinghamAllocated' },
  '/hub/households/:unknown': { loaders: [hubLayout.loader, hubHousehold.loader], household: 'unknown' },
  '/hub/households/:hubEnquiry/merge': { loaders: [hubLayout.loader, hubHouseholdMerge.loader], household: 'hubEnquiry' },
  '/hub/households/:derbyAllocated/merge': { loaders: [hubLayout.loader, hubHouseholdMerge.loader], household: 'derbyAllocated' },
  // Resource routes run their own loader only.
  '/hub/households.csv': { loaders: [hubHouseholdsCsv.loader] },
  '/hub/board': { loaders: [hubLayout.loader, hubBoard.loader] },
  '/hub/enquiries/new': { loaders: [hubLayout.loader, hubEnquiriesNew.loader] },
  '/council': { loaders: [councilLayout.loader, councilHome.loader] },
  '/council/kinship/new': { loaders: [councilLayout.loader, councilKinshipNew.loader] },
  '/council/households/:derbyAllocated': { loaders: [councilLayout.loader, councilHousehold.loader], household: 'derbyAllocated' },
  '/council/households/:derbyConstellationMember': {
    loaders: [councilLayout.loader, councilHousehold.loader],
    household: 'derbyConstellationMember',
  },
  '/council/households/:nottinghamAllocated': {
    loaders: [councilLayout.loader, councilHousehold.loader],
    household: 'nottinghamAllocated',
  },
  '/council/panels': { loaders: [councilLayout.loader, councilPanels.loader] },
  '/council/panels/:derbyPanel': { loaders: [councilLayout.loader, councilPanel.loader], panel: 'derbyPanel' },
  '/council/panels/:nottinghamPanel': { loaders: [councilLayout.loader, councilPanel.loader], panel: 'nottinghamPanel' },
  '/council/carers': { loaders: [councilLayout.loader, councilCarers.loader] },
  '/council/carers/:derbyApproval': { loaders: [councilLayout.loader, councilCarer.loader], approval: 'derbyApproval' },
  '/council/carers/:nottinghamApproval': { loaders: [councilLayout.loader, councilCarer.loader], approval: 'nottinghamApproval' },
  '/council/mockingbird': { loaders: [councilLayout.loader, councilMockingbird.loader] },
  '/council/mockingbird/:derbyConstellation': {
    loaders: [councilLayout.loader, councilConstellation.loader],
    constellation: 'derbyConstellation',
  },
  '/council/mockingbird/:nottinghamConstellation': {
    loaders: [councilLayout.loader, councilConstellation.loader],
    constellation: 'nottinghamConstellation',
  },
  '/council/sgo': { loaders: [councilLayout.loader, councilSgoCases.loader] },
  '/council/sgo/new': { loaders: [councilLayout.loader, councilSgoNew.loader] },
  '/council/sgo/:derbySgoCase': { loaders: [councilLayout.loader, councilSgoCase.loader], sgoCase: 'derbySgoCase' },
  '/council/sgo/:nottinghamSgoCase': { loaders: [councilLayout.loader, councilSgoCase.loader], sgoCase: 'nottinghamSgoCase' },
  '/reports': { loaders: [reportsLayout.loader, reportsHome.loader] },
  '/reports/conversion': { loaders: [reportsLayout.loader, reportsConversion.loader] },
  '/reports/conversion?council=nottingham-city': { loaders: [reportsLayout.loader, reportsConversion.loader] },
  '/reports/conversion.csv': { loaders: [reportsConversionCsv.loader] },
  '/reports/dashboard': { loaders: [reportsLayout.loader, reportsDashboard.loader] },
  '/reports/dashboard?council=nottingham-city': { loaders: [reportsLayout.loader, reportsDashboard.loader] },
  '/reports/trends': { loaders: [reportsLayout.loader, reportsTrends.loader] },
  '/reports/councils': { loaders: [reportsLayout.loader, reportsCouncils.loader] },
  '/reports/costs': { loaders: [reportsLayout.loader, reportsCosts.loader] },
  '/reports/board-pack': { loaders: [reportsBoardPack.loader] },
  // A resource route whose table is a route parameter.
  '/reports/csv/funnel': { loaders: [(args) => reportsCsv.loader({ ...args, params: { table: 'funnel' } })] },
  '/apply': { loaders: [applyLayout.loader, applyHome.loader] },
  '/apply/application': { loaders: [applyLayout.loader, applyApplication.loader] },
  '/apply/withdraw': { loaders: [applyLayout.loader, applyWithdraw.loader] },
  '/admin': { loaders: [adminLayout.loader, adminHome.loader] },
  '/admin/users': { loaders: [adminLayout.loader, adminUsers.loader] },
  '/admin/users/new': { loaders: [adminLayout.loader, adminUsersNew.loader] },
  '/admin/audit': { loaders: [adminLayout.loader, adminAudit.loader] },
  '/admin/emails': { loaders: [adminLayout.loader, adminEmails.loader] },
  '/admin/import': { loaders: [adminLayout.loader, adminImport.loader] },
  '/admin/records': { loaders: [adminLayout.loader, adminRecords.loader] },
};

type Outcome = { status: number; location: string | null };

function isDataWithStatus(value: unknown): value is { type: 'DataWithResponseInit'; init: ResponseInit | null } {
  return typeof value === 'object' && value !== null && 'type' in value && value.type === 'DataWithResponseInit';
}

function outcomeOf(value: unknown): Outcome {
  if (value instanceof Response) return { status: value.status, location: value.headers.get('Location') };
  if (isDataWithStatus(value)) return { status: value.init?.status ?? 200, location: null };
  return { status: 200, location: null };
}

/** A thrown Response or data() is the page's answer; anything else thrown is a bug and fails the test. */
async function runLoader(loader: Loader, args: LoaderFunctionArgs): Promise<Outcome> {
  try {
    return outcomeOf(await loader(args));
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithStatus(thrown)) return outcomeOf(thrown);
    throw thrown;
  }
}

const cookies = new Map<Role, string>();
const householdIds = new Map<HouseholdKey, string>();
const panelIds = new Map<PanelKey, string>();
const constellationIds = new Map<ConstellationKey, string>();
const sgoCaseIds = new Map<SgoCaseKey, string>();
const approvalIds = new Map<ApprovalKey, string>();

beforeAll(async () => {
  for (const role of ROLES) {
    const user = await createUser({ role, councilId: isCouncilRole(role) ? 'derby-city' : null });
    const setCookie = await createSession(prisma, user.id, 'vitest');
    cookies.set(role, setCookie.split(';')[0]);
    if (role === 'applicant') {
      const own = await createHousehold({ stage: 'invited' });
      await prisma.person.create({ data: { householdId: own.id, role: 'applicant', firstName: 'Jo', lastName: 'Bloggs', userId: user.id } });
    }
  }

  const derby = await createHousehold({ councilId: 'derby-city', allocatedCouncilId: 'derby-city', stage: 'assessment.stage1' });
  const nottingham = await createHousehold({
    councilId: 'nottingham-city',
    allocatedCouncilId: 'nottingham-city',
    stage: 'assessment.stage1',
  });
  const member = await createHousehold({ councilId: 'derby-city', allocatedCouncilId: 'derby-city', stage: 'approved' });
  const derbyConstellation = await prisma.constellation.create({
    data: {
      councilId: 'derby-city',
      name: 'Derby North',
      launchedOn: '2025-01-06',
      memberships: { create: { householdId: member.id, role: 'satellite', joinedOn: '2025-02-03' } },
    },
  });
  const nottinghamConstellation = await prisma.constellation.create({
    data: { councilId: 'nottingham-city', name: 'Nottingham', launchedOn: '2025-01-06' },
  });
  constellationIds.set('derbyConstellation', derbyConstellation.id);
  constellationIds.set('nottinghamConstellation', nottinghamConstellation.id);
  for (const [key, councilId] of [['derbySgoCase', 'derby-city'], ['nottinghamSgoCase', 'nottingham-city']] as const) {
    const supportCase = await prisma.sgoSupportCase.create({
      data: {
        councilId,
        reference: `SGO-MATRIX-${councilId}`,
        guardianDisplayName: 'Matrix household',
        childReference: 'XX-CHILD-00001',
        orderDate: '2026-01-05',
        formerCarerStatus: 'none',
        nextReviewOn: '2027-01-05',
      },
    });
    sgoCaseIds.set(key, supportCase.id);
  }
  for (const [key, councilId] of [['derbyApproval', 'derby-city'], ['nottinghamApproval', 'nottingham-city']] as const) {
    const approved = await createHousehold({ councilId, allocatedCouncilId: councilId, stage: 'approved' });
    const approval = await prisma.approval.create({ data: { householdId: approved.id, councilId, approvalType: 'mainstream', approvedOn: '2025-06-02' } });
    approvalIds.set(key, approval.id);
  }
  householdIds.set('derbyAllocated', derby.id);
  householdIds.set('nottinghamAllocated', nottingham.id);
  householdIds.set('derbyConstellationMember', member.id);
  const enquiry = await createHousehold({ councilId: 'derby-city', stage: 'enquiry.received' });
  householdIds.set('hubEnquiry', enquiry.id);
  householdIds.set('unknown', 'no-such-household');

  // The panel member (Derby City) sits on Derby City's panel, whose agenda has the constellation member's case.
  const panelMember = await prisma.user.findFirstOrThrow({ where: { role: 'panelMember' }, select: { id: true } });
  const derbyPanel = await prisma.panel.create({
    data: {
      councilId: 'derby-city',
      panelOn: '2026-12-02',
      members: { create: { userId: panelMember.id } },
      items: { create: { householdId: member.id } },
    },
  });
  const nottinghamPanel = await prisma.panel.create({
    data: { councilId: 'nottingham-city', panelOn: '2026-12-02', items: { create: { householdId: nottingham.id } } },
  });
  panelIds.set('derbyPanel', derbyPanel.id);
  panelIds.set('nottinghamPanel', nottinghamPanel.id);
});

async function visit(page: Page, who: Who) {
  const { loaders, household, panel, constellation, sgoCase, approval } = PAGES[page];
  const householdId = household ? householdIds.get(household) : undefined;
  const panelId = panel ? panelIds.get(panel) : undefined;
  const constellationId = constellation ? constellationIds.get(constellation) : undefined;
  const caseId = sgoCase ? sgoCaseIds.get(sgoCase) : undefined;
  const approvalId = approval ? approvalIds.get(approval) : undefined;
  const recordId = householdId ?? panelId ?? constellationId ?? caseId ?? approvalId;
  const path = recordId ? page.replace(/:\w+/, recordId) : page;
  const headers: Record<string, string> = who === 'signedOut' ? {} : { Cookie: cookies.get(who) ?? '' };
  const args = (): LoaderFunctionArgs => ({
    request: new Request(`http://localhost:3000${path}`, { headers }),
    params: householdId ? { householdId } : panelId ? { panelId } : constellationId ? { constellationId } : caseId ? { caseId } : approvalId ? { approvalId } : {},
    context: {},
  });
  const outcomes: Outcome[] = [];
  for (const loader of loaders) outcomes.push(await runLoader(loader, args()));
  return outcomes;
}

describe('access matrix', () => {
  it('covers every role, and has a row for every page', () => {
    expect([...COLUMNS].sort()).toEqual([...ROLES, 'signedOut'].sort());
    expect(EXPECTED.map(([page]) => page).sort()).toEqual(Object.keys(PAGES).sort());
    for (const [, ...statuses] of EXPECTED) expect(statuses).toHaveLength(COLUMNS.length);
  });

  for (const [page, ...statuses] of EXPECTED) {
    describe(page, () => {
      COLUMNS.forEach((who, index) => {
        const expected = statuses[index];
        it(`${who} → ${expected}`, async () => {
          const outcomes = await visit(page, who);
          const leaf = outcomes[outcomes.length - 1];
          // The page answers with the first layout or page loader that does not return data.
          const pageStatus = outcomes.find((outcome) => outcome.status !== 200)?.status ?? 200;
          expect(pageStatus).toBe(expected);
          // The page's own loader decides alone: it must not lean on its layout (loaders run in parallel).
          expect(leaf.status).toBe(expected);
          if (expected === 302) {
            const signIn = page.startsWith('/apply') ? '/apply/sign-in?' : '/login?';
            for (const outcome of outcomes) expect(outcome.location).toMatch(new RegExp(`^${signIn.replace('?', '\\?')}redirectTo=`));
          }
        });
      });
    });
  }
});
