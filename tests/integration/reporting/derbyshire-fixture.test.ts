import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { PIPELINE_MACHINE_VERSION } from '~/modules/pipeline/machine';
import { serialiseSnapshot, snapshotAtStage } from '~/modules/pipeline/snapshots';
import { resignations } from '~/modules/reporting/definitions.server';

// DOMAIN.md §6.5 test fixture: Derbyshire fostering, 2011/12 to 2016/17 (no 2014/15 column in the source).
// "Number of Carer Homes" is households_at_start, "Carers Approved" approvals, "Carers Resigned" resignations; the
// fall in homes that resignations do not explain is other endings:
//   other endings(Y) = homes(Y) + approved(Y) − resigned(Y) − homes(Y + 1)
//   2011/12: 430 + 49 − 43 − 426 = 10      2012/13: 426 + 49 − 43 − 410 = 22
//   2013/14: 410 + 42 − 48 − 400 = 4       2014/15: 400 + 70 − 45 − 421 = 4      (bridging year, our choice)
//   2015/16: 421 + 53 − 54 − 407 = 13      2016/17: no 2017/18 homes published, so 0
// The 2014/15 figures (400 homes, 70 approved, 45 resigned) are invented to bridge 410 → 421; any choice that keeps
// both other-endings counts at zero or more would do. The dataset is built household by household from these flows
// and the report then counts the stock itself, so a wrong figure above would show up as a wrong households_at_start.
const YEARS = [
  { startYear: 2011, homes: 430, approved: 49, resigned: 43, otherEndings: 10 },
  { startYear: 2012, homes: 426, approved: 49, resigned: 43, otherEndings: 22 },
  { startYear: 2013, homes: 410, approved: 42, resigned: 48, otherEndings: 4 },
  { startYear: 2014, homes: 400, approved: 70, resigned: 45, otherEndings: 4 },
  { startYear: 2015, homes: 421, approved: 53, resigned: 54, otherEndings: 13 },
  { startYear: 2016, homes: 407, approved: 39, resigned: 56, otherEndings: 0 },
] as const;

const COUNCIL = 'derbyshire';

beforeAll(async () => {
  const snapshot = serialiseSnapshot(snapshotAtStage('mainstream', 'approved'));
  const households: { id: string; approvedOn: string }[] = [];
  const deregistrations: { approvalId: string; effectiveOn: string; primaryReason: string; reasonGroup: string }[] = [];
  const addApproval = (approvedOn: string) => {
    const id = `derbyshire-fixture-${households.length + 1}`;
    households.push({ id, approvedOn });
    return id;
  };

  // The homes on 1 April 2011, approved years before; the oldest approvals leave first.
  const active: string[] = [];
  for (let index = 0; index < YEARS[0].homes; index += 1) active.push(addApproval('2008-06-01'));

  for (const year of YEARS) {
    const endings = active.splice(0, year.resigned + year.otherEndings);
    endings.forEach((approvalId, index) => {
      const resigned = index < year.resigned;
      // Boundaries on purpose: the first resignation on the year's first day, other endings on its last day.
      const effectiveOn = !resigned ? `${year.startYear + 1}-03-31` : index === 0 ? `${year.startYear}-04-01` : `${year.startYear}-10-01`;
      deregistrations.push({
        approvalId,
        effectiveOn,
        primaryReason: resigned ? 'HEALTH' : 'SGO_GRANTED',
        reasonGroup: resigned ? 'resigned' : 'otherEnding',
      });
    });
    // One approval on the year's last day: an approval in this year, and in the next year's starting stock.
    for (let index = 0; index < year.approved; index += 1) {
      active.push(addApproval(index === 0 ? `${year.startYear + 1}-03-31` : `${year.startYear}-07-01`));
    }
  }

  const endedOn = new Map(deregistrations.map((row) => [row.approvalId, row.effectiveOn]));
  await prisma.household.createMany({
    data: households.map(({ id, approvedOn }) => ({
      id,
      reference: `DX-${id}`,
      displayName: 'Fixture household',
      route: 'mainstream',
      origin: 'import',
      councilId: COUNCIL,
      allocatedCouncilId: COUNCIL,
      stage: 'approved',
      pipelineSnapshot: snapshot,
      machineVersion: PIPELINE_MACHINE_VERSION,
      enquiryReceivedAt: new Date('2005-01-10T10:00:00Z'),
      enquiryDate: '2005-01-10',
      approvalDate: approvedOn,
    })),
  });
  await prisma.approval.createMany({
    data: households.map(({ id, approvedOn }) => ({
      id,
      householdId: id,
      councilId: COUNCIL,
      approvalType: 'mainstream',
      approvedOn,
      status: endedOn.has(id) ? 'ended' : 'active',
      endedOn: endedOn.get(id) ?? null,
    })),
  });
  await prisma.deregistration.createMany({ data: deregistrations.map((row) => ({ ...row, councilId: COUNCIL })) });
});

async function resignationsForFinancialYear(startYear: number) {
  const to = `${startYear + 1}-03-31`;
  return resignations({ from: `${startYear}-04-01`, to, councilId: COUNCIL, route: null, asAt: to });
}

describe('Derbyshire 2011/12 to 2016/17 (DOMAIN.md §6.5)', () => {
  // Published figures, and the rates worked out by hand:
  //   resignation rate = resigned ÷ homes: 43/430 = 10.0; 43/426 = 10.09 → 10.1; 48/410 = 11.71 → 11.7;
  //     54/421 = 12.83 → 12.8; 56/407 = 13.76 → 13.8 (DOMAIN.md's derived "Resigned ÷ same-year homes").
  //   deregistrations = resigned + other endings: 53, 65, 52, 67, 56; ÷ homes: 12.33 → 12.3; 15.26 → 15.3;
  //     12.68 → 12.7; 15.91 → 15.9; 13.76 → 13.8.
  //   net_change is approvals − deregistrations per issue 6 (and DOMAIN.md §6.5's report): 49 − 53 = −4;
  //     49 − 65 = −16; 42 − 52 = −10; 53 − 67 = −14; 39 − 56 = −17.
  //   The published "net gain" row is approved − resigned: +6, +6, −6, −1, −17. It ignores other endings, so it
  //     differs from net_change in every year except 2016/17, where the fixture has none.
  const EXPECTED = [
    { year: '2011/12', startYear: 2011, homes: 430, approved: 49, resigned: 43, other: 10, resignationRate: 10.0, deregistrationRate: 12.3, netChange: -4, publishedNetGain: 6 },
    { year: '2012/13', startYear: 2012, homes: 426, approved: 49, resigned: 43, other: 22, resignationRate: 10.1, deregistrationRate: 15.3, netChange: -16, publishedNetGain: 6 },
    { year: '2013/14', startYear: 2013, homes: 410, approved: 42, resigned: 48, other: 4, resignationRate: 11.7, deregistrationRate: 12.7, netChange: -10, publishedNetGain: -6 },
    { year: '2015/16', startYear: 2015, homes: 421, approved: 53, resigned: 54, other: 13, resignationRate: 12.8, deregistrationRate: 15.9, netChange: -14, publishedNetGain: -1 },
    { year: '2016/17', startYear: 2016, homes: 407, approved: 39, resigned: 56, other: 0, resignationRate: 13.8, deregistrationRate: 13.8, netChange: -17, publishedNetGain: -17 },
  ] as const;

  for (const expected of EXPECTED) {
    it(`${expected.year}: reproduces the published homes, approvals and resignations, and a ${expected.resignationRate}% resignation rate`, async () => {
      const report = await resignationsForFinancialYear(expected.startYear);
      expect(report).toEqual({
        households_at_start: expected.homes,
        approvals: expected.approved,
        deregistrations: expected.resigned + expected.other,
        resignations: expected.resigned,
        other_endings: expected.other,
        resignation_rate_pct: expected.resignationRate,
        deregistration_rate_pct: expected.deregistrationRate,
        net_change: expected.netChange,
      });
      expect(report.approvals - report.resignations).toBe(expected.publishedNetGain);
    });
  }

  it('says the last two published years are above the 12% benchmark, and the first three below it', async () => {
    const rates = [];
    for (const { startYear } of EXPECTED) rates.push((await resignationsForFinancialYear(startYear)).resignation_rate_pct);
    expect(rates.map((rate) => rate !== null && rate > 12)).toEqual([false, false, false, true, true]);
  });
});
