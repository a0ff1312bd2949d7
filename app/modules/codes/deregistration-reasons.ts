// Why an approved household stopped fostering (DOMAIN.md §4.7). Ofsted's own list was not obtainable, so this local
// list is "to be mapped to Ofsted codes" (DOMAIN.md §10.10).
//
// `group` drives the retention figures: 'resigned' counts carers' own decisions; 'otherEnding' keeps good outcomes
// (care continuing under an order) and service endings out of the resignation rate (DOMAIN.md §3.3).
// Transfers out are carer decisions ('resigned', per DOMAIN.md §4.6/§4.7), although the historical-import spec lists "transfer" among other endings.

export const DEREGISTRATION_GROUPS = [
  { code: 'resigned', label: 'Resigned' },
  { code: 'otherEnding', label: 'Other ending' },
] as const;

export type DeregistrationGroup = (typeof DEREGISTRATION_GROUPS)[number]['code'];

export const DEREGISTRATION_REASONS = [
  { code: 'RETIREMENT_AGE', label: 'Retired because of age', group: 'resigned' },
  { code: 'HEALTH', label: 'Health', group: 'resigned' },
  { code: 'FAMILY_CIRCUMSTANCES', label: 'Family circumstances', group: 'resigned' },
  { code: 'WORK_FINANCES', label: 'Work or finances', group: 'resigned' },
  { code: 'LACK_OF_SUPPORT', label: 'Lack of support from the service', group: 'resigned' },
  { code: 'BURNOUT_WELLBEING', label: 'Burnout or wellbeing', group: 'resigned' },
  { code: 'AFTER_ALLEGATION', label: 'After an allegation', group: 'resigned' },
  { code: 'MOVED_AWAY', label: 'Moved away', group: 'resigned' },
  { code: 'TRANSFERRED_TO_IFA', label: 'Transferred to an independent fostering agency', group: 'resigned' },
  { code: 'TRANSFERRED_TO_OTHER_LA', label: 'Transferred to another council', group: 'resigned' },
  { code: 'SGO_GRANTED', label: 'Special guardianship order made', group: 'otherEnding' },
  { code: 'CAO_GRANTED', label: 'Child arrangements order made', group: 'otherEnding' },
  { code: 'ADOPTED_CHILD', label: 'Adopted the child', group: 'otherEnding' },
  { code: 'STAYING_PUT_ONLY', label: 'Staying Put arrangement only', group: 'otherEnding' },
  { code: 'KINSHIP_CHILD_LEFT', label: 'Named-child approval no longer needed', group: 'otherEnding' },
  { code: 'TERMINATED_BY_SERVICE', label: 'Approval ended by the council', group: 'otherEnding' },
  { code: 'DECEASED', label: 'Died', group: 'otherEnding' },
  { code: 'OTHER_UNKNOWN', label: 'Other or unknown', group: 'otherEnding' },
] as const satisfies readonly { code: string; label: string; group: DeregistrationGroup }[];

export type DeregistrationReasonCode = (typeof DEREGISTRATION_REASONS)[number]['code'];

const DEREGISTRATION_CODE_SET = new Set<string>(DEREGISTRATION_REASONS.map((reason) => reason.code));

export function isDeregistrationReasonCode(value: string): value is DeregistrationReasonCode {
  return DEREGISTRATION_CODE_SET.has(value);
}

export function isDeregistrationGroup(value: string): value is DeregistrationGroup {
  return value === 'resigned' || value === 'otherEnding';
}

export function deregistrationGroupOf(code: DeregistrationReasonCode): DeregistrationGroup {
  const reason = DEREGISTRATION_REASONS.find((entry) => entry.code === code);
  if (!reason) throw new Error(`Unknown deregistration reason ${code}`);
  return reason.group;
}

export function deregistrationReasonLabel(code: string): string {
  return DEREGISTRATION_REASONS.find((reason) => reason.code === code)?.label ?? code;
}
