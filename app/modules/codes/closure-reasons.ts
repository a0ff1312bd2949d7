// Why a recruitment case ended before approval (DOMAIN.md §2.5, §3.2). Codes are stored as plain strings; these lists
// are the only place they are typed.

/** Ofsted's optional withdrawal codes for the annual fostering return, worded exactly as Ofsted words them. */
export const OFSTED_AW_CODES = [
  { code: 'AW1', label: 'Fostering was not as the applicant expected' },
  { code: 'AW2', label: 'The assessment process was not as the applicant expected' },
  { code: 'AW3', label: 'Household circumstances changed during the assessment (other than for financial reasons)' },
  { code: 'AW4', label: 'The applicant was unable to continue for financial reasons' },
  { code: 'AW5', label: 'The applicant was concerned about the risk of allegations' },
  { code: 'AW0', label: 'Other or unknown reason' },
] as const;

/** Closures while the person is still an enquirer. */
export const ENQUIRY_CLOSURE_REASONS = [
  { code: 'NO_CONTACT', label: 'No contact after repeated attempts' },
  { code: 'INFO_ONLY', label: 'Wanted information only' },
  { code: 'NO_SPARE_ROOM', label: 'No spare bedroom' },
  { code: 'HOUSING', label: 'Home unsuitable or a tenancy barrier' },
  { code: 'OUTSIDE_AREA_SIGNPOSTED', label: 'Lives outside the area: signposted elsewhere' },
  { code: 'ADOPTION_SIGNPOSTED', label: 'Interested in adoption: signposted to the regional adoption agency' },
  { code: 'KINSHIP_REFERRED', label: "Caring for a specific child: referred to the child's council" },
  { code: 'SUPPORTED_LODGINGS_REFERRED', label: 'Interested in supported lodgings: referred on' },
  { code: 'DUPLICATE', label: 'Duplicate of another enquiry' },
] as const;

/** The person's own choice, at any stage. Once an application exists each maps to an Ofsted AW code. */
export const PERSONS_CHOICE_REASONS = [
  { code: 'NOT_NOW', label: 'Not the right time', awCode: 'AW0' },
  { code: 'NO_RESPONSE', label: 'Stopped responding', awCode: 'AW0' },
  { code: 'FINANCES', label: 'Financial reasons', awCode: 'AW4' },
  { code: 'HOUSEHOLD_CHANGE', label: 'Household circumstances changed', awCode: 'AW3' },
  { code: 'NOT_AS_EXPECTED', label: 'Fostering was not as expected', awCode: 'AW1' },
  { code: 'PROCESS', label: 'The assessment process was not as expected', awCode: 'AW2' },
  { code: 'ALLEGATIONS_RISK', label: 'Worried about the risk of allegations', awCode: 'AW5' },
  { code: 'WORK_AVAILABILITY', label: 'Work or availability', awCode: 'AW0' },
  { code: 'HEALTH', label: 'Health', awCode: 'AW0' },
  { code: 'OTHER_PROVIDER', label: 'Chose an agency or another council', awCode: 'AW0' },
] as const;

/** Decisions by the hub or a council. */
export const SERVICE_DECISION_REASONS = [
  { code: 'COUNSELLED_OUT', label: 'Counselled out' },
  { code: 'NOT_PROGRESSED', label: 'Not progressed to application' },
  { code: 'STAGE1_NOT_SUITABLE', label: 'Not suitable at Stage 1' },
  { code: 'NOT_APPROVED', label: 'Not approved' },
  { code: 'SAFEGUARDING', label: 'Safeguarding concern' },
] as const;

/** How a kinship case ends before approval when the child's care continues elsewhere or stops (DOMAIN.md §3.2). */
export const KINSHIP_CLOSURE_REASONS = [
  { code: 'VIABILITY_NEGATIVE', label: 'Viability assessment did not support a placement' },
  { code: 'SGO_GRANTED', label: 'Special guardianship order made' },
  { code: 'CAO_GRANTED', label: 'Child arrangements order made' },
  { code: 'CHILD_RETURNED_HOME', label: 'Child returned home' },
  { code: 'PLACEMENT_ENDED', label: 'Placement ended' },
] as const;

export const CLOSURE_REASONS = [
  ...ENQUIRY_CLOSURE_REASONS,
  ...PERSONS_CHOICE_REASONS,
  ...SERVICE_DECISION_REASONS,
  ...KINSHIP_CLOSURE_REASONS,
] as const;

export type AwCode = (typeof OFSTED_AW_CODES)[number]['code'];
export type EnquiryClosureCode = (typeof ENQUIRY_CLOSURE_REASONS)[number]['code'];
export type PersonsChoiceCode = (typeof PERSONS_CHOICE_REASONS)[number]['code'];
export type ServiceDecisionCode = (typeof SERVICE_DECISION_REASONS)[number]['code'];
export type KinshipClosureCode = (typeof KINSHIP_CLOSURE_REASONS)[number]['code'];
export type ClosureReasonCode = (typeof CLOSURE_REASONS)[number]['code'];

const codesOf = (list: readonly { code: string }[]) => new Set(list.map((entry) => entry.code));
const AW_CODE_SET = codesOf(OFSTED_AW_CODES);
const ENQUIRY_CODE_SET = codesOf(ENQUIRY_CLOSURE_REASONS);
const PERSONS_CHOICE_CODE_SET = codesOf(PERSONS_CHOICE_REASONS);
const SERVICE_DECISION_CODE_SET = codesOf(SERVICE_DECISION_REASONS);
const KINSHIP_CODE_SET = codesOf(KINSHIP_CLOSURE_REASONS);
const CLOSURE_CODE_SET = codesOf(CLOSURE_REASONS);

export function isAwCode(value: string): value is AwCode {
  return AW_CODE_SET.has(value);
}
export function isEnquiryClosureCode(value: string): value is EnquiryClosureCode {
  return ENQUIRY_CODE_SET.has(value);
}
export function isPersonsChoiceCode(value: string): value is PersonsChoiceCode {
  return PERSONS_CHOICE_CODE_SET.has(value);
}
export function isServiceDecisionCode(value: string): value is ServiceDecisionCode {
  return SERVICE_DECISION_CODE_SET.has(value);
}
export function isKinshipClosureCode(value: string): value is KinshipClosureCode {
  return KINSHIP_CODE_SET.has(value);
}
export function isClosureReasonCode(value: string): value is ClosureReasonCode {
  return CLOSURE_CODE_SET.has(value);
}

/** The AW code a withdrawal reason maps to; the form offers it as the default answer. */
export function awCodeFor(code: PersonsChoiceCode): AwCode {
  const entry = PERSONS_CHOICE_REASONS.find((reason) => reason.code === code);
  return entry ? entry.awCode : 'AW0';
}

/**
 * Not a reason anyone chooses: the case went on with another fostering service (the transferredOut final state). The
 * pipeline writer stores it as the closed case's reason so that lists and reports that group closures by reason show it.
 */
export const TRANSFERRED_OUT_REASON = { code: 'TRANSFERRED_OUT', label: 'Moved to another fostering service' } as const;

export function closureReasonLabel(code: string): string {
  if (code === TRANSFERRED_OUT_REASON.code) return TRANSFERRED_OUT_REASON.label;
  return CLOSURE_REASONS.find((reason) => reason.code === code)?.label ?? code;
}

export function awCodeLabel(code: string): string {
  return OFSTED_AW_CODES.find((entry) => entry.code === code)?.label ?? code;
}
