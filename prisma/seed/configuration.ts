import type { Prisma } from '~/generated/prisma/client';

// Targets and cost parameters are configuration, not code (DOMAIN.md §6.3, §6.6). Labels are copied exactly from
// the council documents, typos and the double space included, because the hub has not yet said what the 13% means.

const FFEM_TARGETS_SOURCE = 'seeds/000_76db6c204226d38a.txt:445';
const DERBYSHIRE_2017_SOURCE = 'seeds/002_8a50cfa54e41ee71.txt:695';

export const FFEM_TARGET_LABELS = {
  enquiryToApplication: 'Conversion target for enquires to applications 25%',
  applicationToApproval: 'The foster for east midlands conversion target for applications to  approvals is 13%',
} as const;

const ENQUIRY = 'enquiry.received';
const APPLICATION = 'application.submitted';
const APPROVED = 'approved';

const ffemTargets: Prisma.TargetCreateManyInput[] = [
  {
    id: 'seed-target-ffem-enquiry-to-application',
    label: FFEM_TARGET_LABELS.enquiryToApplication,
    fromStage: ENQUIRY,
    toStage: APPLICATION,
    basis: 'cohort',
    valuePercent: 25,
    councilId: null,
    effectiveFrom: '2024-03-01',
    source: FFEM_TARGETS_SOURCE,
  },
  {
    id: 'seed-target-ffem-application-to-approval',
    label: FFEM_TARGET_LABELS.applicationToApproval,
    fromStage: APPLICATION,
    toStage: APPROVED,
    basis: 'cohort',
    valuePercent: 13,
    councilId: null,
    effectiveFrom: '2024-03-01',
    source: FFEM_TARGETS_SOURCE,
    note: 'meaning of target unconfirmed',
  },
];

// Derbyshire Service Plan 2017: enquiry to approval, one target per financial year, set against 7% performance.
const derbyshireYearTargets: Prisma.TargetCreateManyInput[] = (
  [
    ['2017', 10],
    ['2018', 12],
    ['2019', 14],
    ['2020', 15],
  ] as const
).map(([startYear, percent]) => ({
  id: `seed-target-derbyshire-enquiry-to-approval-${startYear}`,
  label: 'Improve conversion rate from enquiry to approval',
  fromStage: ENQUIRY,
  toStage: APPROVED,
  basis: 'period',
  valuePercent: percent,
  councilId: 'derbyshire',
  effectiveFrom: `${startYear}-04-01`,
  effectiveTo: `${Number(startYear) + 1}-03-31`,
  source: DERBYSHIRE_2017_SOURCE,
  note: 'Current performance when set: 7%',
}));

// "Up to" each month. The rows are not additive: the universal 40 already includes disability and UASC enquiries,
// so reports count enquiries for the universal target and interest tags for the others (DOMAIN.md §6.3).
// A comma-separated enquiryType means an enquiry tagged with any of the listed interests counts.
const monthlyEnquiryTargets: Prisma.TargetCreateManyInput[] = (
  [
    ['universal', 'mainstream', 40, 658, 'generate up to 40 good quality universal enquiries a month (i.e. all types of fostering – including disability and UASC)'],
    ['disability', 'disabilities', 10, 659, 'generate up to 10 disability fostering enquiries a month'],
    ['supported-lodgings', 'supportedLodgings', 10, 660, 'generate up to 10 supported lodgings enquiries a month'],
    ['siblings-teenagers', 'siblingGroups,teenagers', 10, 661, 'generate up to 10 enquiries about sibling groups and teenagers a month'],
    ['separated-children', 'separatedChildren', 5, 662, 'generate up to five UASC enquiries a month'],
  ] as const
).map(([key, enquiryType, count, line, label]) => ({
  id: `seed-target-derbyshire-monthly-${key}`,
  label,
  fromStage: ENQUIRY,
  toStage: ENQUIRY,
  basis: 'monthlyCount',
  valueCount: count,
  enquiryType,
  councilId: 'derbyshire',
  effectiveFrom: '2017-04-01',
  source: `seeds/002_8a50cfa54e41ee71.txt:${line}`,
}));

export function buildTargets(): Prisma.TargetCreateManyInput[] {
  return [...ffemTargets, ...derbyshireYearTargets, ...monthlyEnquiryTargets];
}

// Derbyshire's estimated average weekly spend (2025 sufficiency strategy), dated from the hub's launch so cost
// avoidance for FfEM-recruited carers has a rate for every period (DOMAIN.md §6.6).
export function buildCostParameters(): Prisma.CostParameterCreateManyInput[] {
  return [
    {
      id: 'seed-cost-derbyshire-in-house-weekly',
      councilId: 'derbyshire',
      name: 'inHouseWeekly',
      weeklyPence: 63_400,
      effectiveFrom: '2024-03-01',
      source: 'Derbyshire sufficiency strategy 2025: estimated average weekly spend on internal fostering (seeds/000_76db6c204226d38a.txt:52, :186)',
    },
    {
      id: 'seed-cost-derbyshire-ifa-weekly',
      councilId: 'derbyshire',
      name: 'ifaWeekly',
      weeklyPence: 97_400,
      effectiveFrom: '2024-03-01',
      source: 'Derbyshire sufficiency strategy 2025: estimated average weekly spend on external fostering (seeds/000_76db6c204226d38a.txt:50, :186)',
    },
  ];
}
