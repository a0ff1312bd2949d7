import { prisma } from '~/lib/db.server';

// Targets are configuration, not code (DOMAIN.md §6.3): each rate is measured against the Target row that applies
// to its stage pair and basis on the date the period ends.

export type TargetBasis = 'cohort' | 'period';

export type ApplicableTarget = {
  id: string;
  /** The verbatim source wording, typos included. */
  label: string;
  valuePercent: number;
  councilId: string | null;
  note: string | null;
};

/**
 * The target for a rate: matching stage pair and basis, in force on `on`. A council's own target wins over an
 * FfEM-wide one; among several in force, the most recently effective wins.
 */
export async function findApplicableTarget(query: {
  fromStage: string;
  toStage: string;
  basis: TargetBasis;
  councilId: string | null;
  on: string;
}): Promise<ApplicableTarget | null> {
  const inForce = await prisma.target.findMany({
    where: {
      fromStage: query.fromStage,
      toStage: query.toStage,
      basis: query.basis,
      valuePercent: { not: null },
      effectiveFrom: { lte: query.on },
      AND: [
        { OR: [{ effectiveTo: null }, { effectiveTo: { gte: query.on } }] },
        { OR: [{ councilId: null }, ...(query.councilId === null ? [] : [{ councilId: query.councilId }])] },
      ],
    },
    select: { id: true, label: true, valuePercent: true, councilId: true, note: true },
    orderBy: [{ effectiveFrom: 'desc' }, { id: 'asc' }],
    take: 20,
  });
  const chosen = inForce.find((target) => target.councilId !== null) ?? inForce[0];
  if (!chosen || chosen.valuePercent === null) return null;
  return { id: chosen.id, label: chosen.label, valuePercent: chosen.valuePercent, councilId: chosen.councilId, note: chosen.note };
}

const ENQUIRY = 'enquiry.received';
const APPLICATION = 'application.submitted';
const APPROVED = 'approved';

/** The cohort targets the conversion figures are measured against, for a filter's council and the end of its period. */
export async function findConversionTargets(filter: { councilId: string | null; to: string }) {
  const target = (fromStage: string, toStage: string) =>
    findApplicableTarget({ fromStage, toStage, basis: 'cohort', councilId: filter.councilId, on: filter.to });
  const [enquiryToApplication, applicationToApproval, enquiryToApproval] = await Promise.all([
    target(ENQUIRY, APPLICATION),
    target(APPLICATION, APPROVED),
    target(ENQUIRY, APPROVED),
  ]);
  return { enquiryToApplication, applicationToApproval, enquiryToApproval };
}

// A default, not a rule from the sources: no FfEM document says how far below target counts as "amber". Five
// percentage points is a common board convention; change it here when the hub decides.
export const RAG_THRESHOLDS = { amberWithinPointsBelowTarget: 5 } as const;

export type RagStatus = 'green' | 'amber' | 'red';

/** Green at or above the target, amber within the threshold below it, red otherwise; null with no rate or target. */
export function ragStatus(value: number | null, target: number | null): RagStatus | null {
  if (value === null || target === null) return null;
  if (value >= target) return 'green';
  if (target - value <= RAG_THRESHOLDS.amberWithinPointsBelowTarget) return 'amber';
  return 'red';
}
