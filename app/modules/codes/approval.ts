// What a household is approved for (DOMAIN.md §7.3). The terms themselves live on ApprovalTerms.

export const APPROVAL_TYPES = [
  { code: 'mainstream', label: 'Mainstream fostering' },
  { code: 'kinship', label: 'Kinship fostering for a named child' },
  { code: 'shortBreaks', label: 'Short breaks' },
  { code: 'contractCare', label: 'Contract Care or another specialist scheme' },
] as const;

export const PLACEMENT_KINDS = [
  { code: 'emergency', label: 'Emergency' },
  { code: 'shortTerm', label: 'Short-term' },
  { code: 'longTerm', label: 'Long-term or permanent' },
  { code: 'shortBreaks', label: 'Short breaks or respite' },
  { code: 'parentAndChild', label: 'Parent and child' },
  { code: 'stepDown', label: 'Step-down from residential care' },
  { code: 'fosteringForAdoption', label: 'Fostering for Adoption' },
] as const;

export const APPROVAL_SPECIALISMS = [
  { code: 'disability', label: 'Children with disabilities (including home adaptations)' },
  { code: 'siblingGroups', label: 'Brothers and sisters together' },
  { code: 'teenagers', label: 'Teenagers' },
  { code: 'separatedChildren', label: 'Children who arrived in the UK alone' },
  { code: 'complexNeeds', label: 'Complex needs' },
] as const;

export type ApprovalType = (typeof APPROVAL_TYPES)[number]['code'];
export type PlacementKind = (typeof PLACEMENT_KINDS)[number]['code'];
export type ApprovalSpecialism = (typeof APPROVAL_SPECIALISMS)[number]['code'];

const APPROVAL_TYPE_SET = new Set<string>(APPROVAL_TYPES.map((entry) => entry.code));
const PLACEMENT_KIND_SET = new Set<string>(PLACEMENT_KINDS.map((entry) => entry.code));
const SPECIALISM_SET = new Set<string>(APPROVAL_SPECIALISMS.map((entry) => entry.code));

export function isApprovalType(value: string): value is ApprovalType {
  return APPROVAL_TYPE_SET.has(value);
}
export function isPlacementKind(value: string): value is PlacementKind {
  return PLACEMENT_KIND_SET.has(value);
}
export function isApprovalSpecialism(value: string): value is ApprovalSpecialism {
  return SPECIALISM_SET.has(value);
}

const labelIn = (list: readonly { code: string; label: string }[], code: string) =>
  list.find((entry) => entry.code === code)?.label ?? code;

export const approvalTypeLabel = (code: string) => labelIn(APPROVAL_TYPES, code);
export const placementKindLabel = (code: string) => labelIn(PLACEMENT_KINDS, code);
export const approvalSpecialismLabel = (code: string) => labelIn(APPROVAL_SPECIALISMS, code);
