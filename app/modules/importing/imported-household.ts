// What one validated import row should look like once stored, and how that compares with what is stored already.
// Pure, so the comparison that makes a re-import write nothing can be tested without a database.
import { awCodeFor, isPersonsChoiceCode, type AwCode } from '~/modules/codes/closure-reasons';
import { deregistrationGroupOf, type DeregistrationGroup } from '~/modules/codes/deregistration-reasons';
import {
  importedStepsOf,
  type ImportedStep,
  type ImportRow,
} from '~/modules/importing/historical-csv';
import type { PipelineContext } from '~/modules/pipeline/machine';

/** The Household columns an import sets. `stage` is listed so a change of dates that moves the stage is seen. */
export type ImportedColumns = {
  route: string;
  source: string | null;
  postcode: string | null;
  councilId: string | null;
  residenceCouncilId: string | null;
  allocatedCouncilId: string | null;
  enquiryDate: string;
  applicationDate: string | null;
  approvalDate: string | null;
  closedDate: string | null;
  closedReason: string | null;
  withdrawalAwCode: string | null;
  stage: string;
};

const COLUMN_NAMES = [
  'route',
  'source',
  'postcode',
  'councilId',
  'residenceCouncilId',
  'allocatedCouncilId',
  'enquiryDate',
  'applicationDate',
  'approvalDate',
  'closedDate',
  'closedReason',
  'withdrawalAwCode',
  'stage',
] as const satisfies readonly (keyof ImportedColumns)[];

type ImportedTransition = ImportedStep & { fromStage: string | null };

type ImportedApproval = {
  councilId: string;
  approvalType: string;
  approvedOn: string;
  status: 'active' | 'ended';
  endedOn: string | null;
};

type ImportedDeregistration = { effectiveOn: string; primaryReason: string; reasonGroup: DeregistrationGroup };

type ImportedMembership = {
  councilId: string;
  joinedOn: string;
  leftOn: string | null;
  leftReason: string | null;
  householdType: 'foster' | 'kinship';
};

export type ImportedHousehold = {
  columns: ImportedColumns;
  interests: string[];
  transitions: ImportedTransition[];
  approval: ImportedApproval | null;
  deregistration: ImportedDeregistration | null;
  membership: ImportedMembership | null;
  /** The latest date on the record: when something last happened to it. */
  latestDate: string;
};

export function importedHouseholdOf(row: ImportRow): ImportedHousehold {
  const steps = importedStepsOf(row);
  const transitions = steps.map((step, index) => ({ ...step, fromStage: index === 0 ? null : steps[index - 1].toStage }));
  const stage = transitions[transitions.length - 1].toStage;
  const reachedApplication = row.applicationDate !== null;
  // A kinship case belongs to its council from the referral (DOMAIN.md §3.1); a mainstream one once it applies.
  const allocatedCouncilId = row.route === 'kinship' || reachedApplication ? row.councilId : null;

  return {
    columns: {
      route: row.route,
      source: row.source,
      postcode: row.postcode,
      councilId: row.councilId,
      residenceCouncilId: row.councilId,
      allocatedCouncilId,
      enquiryDate: row.enquiryDate,
      applicationDate: row.applicationDate,
      approvalDate: row.approvalDate,
      closedDate: row.closedDate,
      closedReason: row.closedReason,
      withdrawalAwCode: withdrawalAwCodeOf(row),
      stage,
    },
    interests: [...row.interests].sort(),
    transitions,
    approval: row.approvalDate
      ? {
          councilId: row.councilId,
          approvalType: row.route,
          approvedOn: row.approvalDate,
          status: row.deregistrationDate ? 'ended' : 'active',
          endedOn: row.deregistrationDate,
        }
      : null,
    deregistration:
      row.deregistrationDate && row.deregistrationReason
        ? {
            effectiveOn: row.deregistrationDate,
            primaryReason: row.deregistrationReason,
            reasonGroup: deregistrationGroupOf(row.deregistrationReason),
          }
        : null,
    membership: row.mockingbirdJoinedDate
      ? {
          councilId: row.councilId,
          joinedOn: row.mockingbirdJoinedDate,
          // A household leaves its constellation when its approval ends.
          leftOn: row.deregistrationDate,
          leftReason: row.deregistrationReason,
          householdType: row.route === 'kinship' ? 'kinship' : 'foster',
        }
      : null,
    latestDate: [row.enquiryDate, row.applicationDate, row.approvalDate, row.closedDate, row.deregistrationDate]
      .filter((date): date is string => date !== null)
      .reduce((latest, date) => (date > latest ? date : latest)),
  };
}

// Ofsted's AW codes describe applicants who withdrew after applying (DOMAIN.md §2.5): only a person's own reason,
// on a mainstream application, maps to one.
function withdrawalAwCodeOf(row: ImportRow): AwCode | null {
  if (row.route !== 'mainstream' || !row.applicationDate || !row.closedReason) return null;
  return isPersonsChoiceCode(row.closedReason) ? awCodeFor(row.closedReason) : null;
}

/**
 * The pipeline snapshot for an imported household is built along a placeholder path (`snapshotAtStage`), whose
 * dates are not this household's. This patch clears them; `importedContextPatch` then puts the file's facts in.
 */
export function placeholderDatesCleared(placeholderContext: PipelineContext): Partial<PipelineContext> {
  // Every context field that holds a calendar date is typed `string | null`, so null is always a valid value.
  return Object.fromEntries(
    Object.entries(placeholderContext)
      .filter(([, value]) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
      .map(([key]) => [key, null]),
  ) as Partial<PipelineContext>;
}

/** The facts from the file that the pipeline snapshot carries, including the placeholder path's council. */
export function importedContextPatch(row: ImportRow, household: ImportedHousehold): Partial<PipelineContext> {
  const { allocatedCouncilId } = household.columns;
  const closing = household.transitions.find((transition) => transition.event === 'IMPORT_CLOSED');
  const isKinship = row.route === 'kinship';
  return {
    proposedCouncilId: isKinship ? null : allocatedCouncilId,
    allocatedCouncilId,
    applicationReceivedOn: isKinship ? null : row.applicationDate,
    fullAssessmentStartedOn: isKinship ? row.applicationDate : null,
    approvedOn: row.approvalDate,
    closedOn: row.closedDate,
    closedFromStage: closing?.fromStage ?? null,
    closeReasonCode: row.closedReason,
    withdrawalAwCode: withdrawalAwCodeOf(row),
  };
}

/** The columns whose stored value differs from the file's, with the file's values. */
export function changedColumns(stored: ImportedColumns, wanted: ImportedColumns): Partial<ImportedColumns> {
  const changes: Partial<Record<keyof ImportedColumns, string | null>> = {};
  for (const name of COLUMN_NAMES) {
    if (stored[name] !== wanted[name]) changes[name] = wanted[name];
  }
  return changes as Partial<ImportedColumns>;
}

type ComparableTransition = {
  event: string;
  fromStage: string | null;
  toStage: string;
  occurredOn: string;
  reasonCode: string | null;
};

export function sameTransitions(stored: readonly ComparableTransition[], wanted: readonly ComparableTransition[]) {
  const key = (transition: ComparableTransition) =>
    [transition.event, transition.fromStage, transition.toStage, transition.occurredOn, transition.reasonCode].join('|');
  const storedKeys = stored.map(key).sort();
  const wantedKeys = wanted.map(key).sort();
  return storedKeys.length === wantedKeys.length && storedKeys.every((value, index) => value === wantedKeys[index]);
}

export function sameInterests(stored: readonly string[], wanted: readonly string[]) {
  const sorted = [...stored].sort();
  return sorted.length === wanted.length && sorted.every((value, index) => value === wanted[index]);
}

type StoredDeregistration = { effectiveOn: string; primaryReason: string; reasonGroup: string };
type StoredApproval = {
  councilId: string;
  approvalType: string;
  approvedOn: string;
  status: string;
  endedOn: string | null;
  deregistration: StoredDeregistration | null;
};

// Deregistrations and Mockingbird memberships are also recorded in the system after approval (resignations, moves
// between constellations). A blank cell in the file therefore says nothing about them: the import sets or corrects
// what the file states and never removes what staff have recorded since.

/** Whether the stored approval (the household's first) differs from the file in anything the file states. */
export function approvalDiffers(
  stored: StoredApproval | null,
  wanted: Pick<ImportedHousehold, 'approval' | 'deregistration'>,
): boolean {
  if (!wanted.approval) return stored !== null;
  if (!stored) return true;
  const core = (approval: Omit<StoredApproval, 'deregistration'>) => [approval.councilId, approval.approvalType, approval.approvedOn].join('|');
  if (core(stored) !== core(wanted.approval)) return true;
  if (!wanted.deregistration) return false;
  const ending = (approval: Omit<StoredApproval, 'deregistration'>) => [approval.status, approval.endedOn].join('|');
  return ending(stored) !== ending(wanted.approval) || !sameDeregistration(stored.deregistration, wanted.deregistration);
}

function sameDeregistration(stored: StoredDeregistration | null, wanted: ImportedDeregistration) {
  return (
    stored !== null &&
    stored.effectiveOn === wanted.effectiveOn &&
    stored.primaryReason === wanted.primaryReason &&
    stored.reasonGroup === wanted.reasonGroup
  );
}

/** Whether the stored membership (the household's first) differs from the file in anything the file states. */
export function membershipDiffers(
  stored: Pick<ImportedMembership, 'councilId' | 'joinedOn' | 'leftOn' | 'leftReason'> | null,
  wanted: Pick<ImportedHousehold, 'membership' | 'deregistration'>,
): boolean {
  if (!wanted.membership) return false;
  if (!stored) return true;
  if (stored.councilId !== wanted.membership.councilId || stored.joinedOn !== wanted.membership.joinedOn) return true;
  if (!wanted.deregistration) return false;
  return stored.leftOn !== wanted.membership.leftOn || stored.leftReason !== wanted.membership.leftReason;
}

