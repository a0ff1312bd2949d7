import type { Prisma } from '~/generated/prisma/client';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from '~/lib/bank-holidays';
import { buildApprovals } from './approvals';
import { planCases, planTestApplicants } from './case-plans';
import { buildCasework } from './casework';
import { buildCostParameters, buildTargets } from './configuration';
import { COUNCIL_REFERENCE_PREFIX, COUNCILS } from './councils';
import { londonInstant } from './dates';
import { windowStartFor } from './enquiry-volume';
import { seedHouseholds } from './households';
import { buildKinshipDetails, buildSgoSupportCases } from './kinship';
import { buildMockingbird } from './mockingbird';
import { createPhonePool } from './names';
import { buildPanels } from './panels';
import { buildUsers } from './staff';
import { planStockCases } from './stock';

// Every demo row, built in memory from asOf alone: the same asOf always gives the same rows, ids included.

export type DemoData = ReturnType<typeof buildDemoData>;

const FIRST_STOCK_NUMBER = 900_001;

export function buildDemoData(asOf: string, staffPasswordHash: string) {
  const windowStart = windowStartFor(asOf);
  const phones = createPhonePool();
  const cases = seedHouseholds(planCases(asOf), {
    firstNumber: 1,
    asOf,
    phones,
    referenceFor: (plan, sequence) => `FFEM-${plan.enquiryDate.slice(0, 4)}-${String(sequence).padStart(6, '0')}`,
  });
  // Existing carers came through their council before the hub existed: council references, and only the approval
  // itself in the transition history (earlier steps predate the system).
  const stock = seedHouseholds(planStockCases(windowStart), {
    firstNumber: FIRST_STOCK_NUMBER,
    asOf,
    phones,
    referenceFor: (plan, sequence) =>
      `${COUNCIL_REFERENCE_PREFIX[plan.councilId ?? 'derby-city']}-FC-${plan.enquiryDate.slice(0, 4)}-${String(sequence).padStart(3, '0')}`,
  });
  // The browser tests' applicants are numbered, referenced and given phones after everything else, so adding them
  // moves no other household's id, reference, phone number or random draws.
  const testApplicants = seedHouseholds(planTestApplicants(asOf), {
    firstNumber: cases.length + 1,
    asOf,
    phones,
    referenceFor: (plan, sequence) => {
      const year = plan.enquiryDate.slice(0, 4);
      const earlierInYear = cases.filter((household) => household.row.enquiryDate.startsWith(year)).length;
      return `FFEM-${year}-${String(earlierInYear + sequence).padStart(6, '0')}`;
    },
  });
  const pipelineCases = [...cases, ...testApplicants];
  const households = [...cases, ...stock, ...testApplicants];
  const approvals = buildApprovals(households, windowStart, asOf);
  const casework = buildCasework(pipelineCases, asOf);
  const mockingbird = buildMockingbird(
    approvals.seeded,
    new Map(households.map((household) => [household.id, { spareBedrooms: household.row.spareBedrooms ?? null }])),
    asOf,
  );
  const panels = buildPanels(pipelineCases, asOf);
  const createdAt = londonInstant(windowStart, 9, 0);

  return {
    asOf,
    councils: COUNCILS.map((council) => ({ ...council, createdAt })),
    users: buildUsers(staffPasswordHash, createdAt),
    households: households.map((household) => household.row),
    people: households.flatMap((household) => household.people),
    interests: households.flatMap((household) => household.interests),
    transitions: [
      ...pipelineCases.flatMap((household) => household.transitions),
      ...stock.flatMap((household) => household.transitions.slice(-1)),
    ],
    contactAttempts: casework.contactAttempts,
    notes: casework.notes,
    tasks: casework.tasks,
    kinshipDetails: buildKinshipDetails(households),
    approvals: approvals.approvals,
    approvalTerms: approvals.terms,
    approvalReviews: approvals.reviews,
    placements: approvals.placements,
    deregistrations: approvals.deregistrations,
    stayingPut: approvals.stayingPut,
    constellations: mockingbird.constellations,
    memberships: mockingbird.memberships,
    activities: mockingbird.activities,
    panels: panels.panels,
    panelItems: panels.items,
    panelMembers: panels.members,
    sgoSupportCases: buildSgoSupportCases(households, approvals.seeded, asOf),
    targets: buildTargets(),
    costParameters: buildCostParameters(),
    bankHolidays: ENGLAND_AND_WALES_BANK_HOLIDAYS.map((holiday): Prisma.BankHolidayCreateManyInput => ({ ...holiday })),
  };
}
