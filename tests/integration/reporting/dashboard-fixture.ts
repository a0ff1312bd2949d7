import { prisma } from '~/lib/db.server';
import { createHousehold } from '../../support/factories';

// A small hand-made Derbyshire dataset for the dashboard tests, with every figure worked out in the tests that use
// it. Period: 2025/26 (1 April 2025 to 31 March 2026), as at 30 June 2026.
//
//   H1  enquiry 2025-04-01 (first day)  visit 2025-04-10  applied 2025-05-01  approved 2025-12-01  socialMedia   disabilities, teenagers
//   H2  enquiry 2026-03-31 (last day)   visit 2026-04-15 (after the period, before the as-at date)   socialMedia, phone
//   H3  enquiry 2025-06-01              no visit          applied 2025-08-01  approved 2026-05-01 (after the period)  wordOfMouth  siblingGroups, teenagers
//   H4  enquiry 2025-07-01              visit 2025-07-20  applied 2026-08-01 (after the as-at date)  wordOfMouth  mainstream
//   H5  enquiry 2025-03-31 (day before) visit 2025-04-05  applied 2025-04-20  (period events, not in the cohort)  no source
//   H6  enquiry 2025-09-01  closed 2025-10-01 NOT_NOW   ffemWebsite
//   H7  enquiry 2025-09-02  closed 2025-10-02 NOT_NOW   ffemWebsite
//   H8  enquiry 2025-05-05  closed 2026-04-01 NO_CONTACT (after the period)  no source
//   K1  kinship, enquiry 2024-01-01, approved 2025-09-01
//   S1  approved 2016-01-01, resigned (HEALTH) on 2025-04-01, the first day of the period
//   S2  approved 2016-01-01, ended (SGO_GRANTED) on 2025-03-31, the day before
//   S3  approved 2016-01-01, still approved; in a Mockingbird constellation; 2 children placed from 2025-03-01
//   N1  Nottingham City: enquiry 2025-06-10, visit 2025-06-20 (must never appear in Derbyshire's figures)

export const PERIOD = { from: '2025-04-01', to: '2026-03-31', asAt: '2026-06-30' } as const;
export const PERIOD_QUERY = {
  'from-day': '1', 'from-month': '4', 'from-year': '2025',
  'to-day': '31', 'to-month': '3', 'to-year': '2026',
  'asAt-day': '30', 'asAt-month': '6', 'asAt-year': '2026',
};

type HouseholdFacts = {
  councilId?: string;
  route?: 'mainstream' | 'kinship';
  enquiryDate: string;
  initialVisitDate?: string;
  applicationDate?: string;
  approvalDate?: string;
  closedDate?: string;
  closedReason?: string;
  source?: string;
  channel?: string;
  interests?: string[];
};

async function household(facts: HouseholdFacts) {
  const councilId = facts.councilId ?? 'derbyshire';
  const route = facts.route ?? 'mainstream';
  const created = await createHousehold({ councilId, route, stage: route === 'kinship' ? 'kinship.referral' : 'enquiry.received', enquiryDate: facts.enquiryDate });
  await prisma.household.update({
    where: { id: created.id },
    data: {
      initialVisitDate: facts.initialVisitDate ?? null,
      applicationDate: facts.applicationDate ?? null,
      approvalDate: facts.approvalDate ?? null,
      closedDate: facts.closedDate ?? null,
      closedReason: facts.closedReason ?? null,
      source: facts.source ?? null,
      channel: facts.channel ?? 'webForm',
      interests: { create: (facts.interests ?? []).map((interest) => ({ interest })) },
    },
  });
  const approval = facts.approvalDate
    ? await prisma.approval.create({
        data: { householdId: created.id, councilId, approvalType: facts.route ?? 'mainstream', approvedOn: facts.approvalDate },
      })
    : null;
  return { id: created.id, approvalId: approval?.id ?? null };
}

export async function buildDashboardFixture() {
  await prisma.target.deleteMany();
  await prisma.target.createMany({
    data: [
      { label: 'Conversion target for enquires to applications 25%', fromStage: 'enquiry.received', toStage: 'application.submitted', basis: 'cohort', valuePercent: 25, effectiveFrom: '2024-03-01', source: 'test' },
      {
        label: 'The foster for east midlands conversion target for applications to  approvals is 13%',
        fromStage: 'application.submitted',
        toStage: 'approved',
        basis: 'cohort',
        valuePercent: 13,
        effectiveFrom: '2024-03-01',
        source: 'test',
        note: 'meaning of target unconfirmed',
      },
      { label: 'Derbyshire universal', fromStage: 'enquiry.received', toStage: 'enquiry.received', basis: 'monthlyCount', valueCount: 35, enquiryType: 'mainstream', councilId: 'derbyshire', effectiveFrom: '2017-04-01', source: 'test' },
      { label: 'Regional universal', fromStage: 'enquiry.received', toStage: 'enquiry.received', basis: 'monthlyCount', valueCount: 40, enquiryType: 'mainstream', effectiveFrom: '2017-04-01', source: 'test' },
      { label: 'Derbyshire siblings and teenagers', fromStage: 'enquiry.received', toStage: 'enquiry.received', basis: 'monthlyCount', valueCount: 10, enquiryType: 'siblingGroups,teenagers', councilId: 'derbyshire', effectiveFrom: '2017-04-01', source: 'test' },
    ],
  });
  await prisma.costParameter.deleteMany();
  await prisma.costParameter.createMany({
    data: [
      { councilId: 'derbyshire', name: 'inHouseWeekly', weeklyPence: 63_400, effectiveFrom: '2024-03-01', source: 'test in-house' },
      { councilId: 'derbyshire', name: 'ifaWeekly', weeklyPence: 97_400, effectiveFrom: '2024-03-01', source: 'test agency' },
    ],
  });

  const h1 = await household({ enquiryDate: '2025-04-01', initialVisitDate: '2025-04-10', applicationDate: '2025-05-01', approvalDate: '2025-12-01', source: 'socialMedia', interests: ['disabilities', 'teenagers'] });
  await household({ enquiryDate: '2026-03-31', initialVisitDate: '2026-04-15', source: 'socialMedia', channel: 'phone' });
  await household({ enquiryDate: '2025-06-01', applicationDate: '2025-08-01', approvalDate: '2026-05-01', source: 'wordOfMouth', interests: ['siblingGroups', 'teenagers'] });
  await household({ enquiryDate: '2025-07-01', initialVisitDate: '2025-07-20', applicationDate: '2026-08-01', source: 'wordOfMouth', interests: ['mainstream'] });
  await household({ enquiryDate: '2025-03-31', initialVisitDate: '2025-04-05', applicationDate: '2025-04-20' });
  await household({ enquiryDate: '2025-09-01', closedDate: '2025-10-01', closedReason: 'NOT_NOW', source: 'ffemWebsite' });
  await household({ enquiryDate: '2025-09-02', closedDate: '2025-10-02', closedReason: 'NOT_NOW', source: 'ffemWebsite' });
  await household({ enquiryDate: '2025-05-05', closedDate: '2026-04-01', closedReason: 'NO_CONTACT' });
  await household({ route: 'kinship', enquiryDate: '2024-01-01', approvalDate: '2025-09-01' });

  const s1 = await household({ enquiryDate: '2015-01-01', approvalDate: '2016-01-01' });
  const s2 = await household({ enquiryDate: '2015-01-01', approvalDate: '2016-01-01' });
  const s3 = await household({ enquiryDate: '2015-01-01', approvalDate: '2016-01-01' });
  await prisma.deregistration.create({
    data: { approvalId: s1.approvalId ?? '', councilId: 'derbyshire', effectiveOn: '2025-04-01', primaryReason: 'HEALTH', reasonGroup: 'resigned' },
  });
  await prisma.deregistration.create({
    data: { approvalId: s2.approvalId ?? '', councilId: 'derbyshire', effectiveOn: '2025-03-31', primaryReason: 'SGO_GRANTED', reasonGroup: 'otherEnding' },
  });
  const constellation = await prisma.constellation.create({ data: { councilId: 'derbyshire', name: 'Test constellation', launchedOn: '2020-01-01' } });
  await prisma.constellationMembership.create({
    data: { constellationId: constellation.id, householdId: s3.id, role: 'hubHome', joinedOn: '2020-01-01' },
  });
  await prisma.placementSummary.createMany({
    data: [
      { approvalId: s3.approvalId ?? '', startOn: '2025-03-01', endOn: null, numberOfChildren: 2 },
      { approvalId: h1.approvalId ?? '', startOn: '2025-12-01', endOn: '2026-01-04', numberOfChildren: 1 },
    ],
  });

  await household({ councilId: 'nottingham-city', enquiryDate: '2025-06-10', initialVisitDate: '2025-06-20' });
}
