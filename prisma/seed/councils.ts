// The four D2N2 councils (DOMAIN.md §1.2). Councils are data, not code: names and boundaries may change.
export const COUNCILS = [
  { id: 'derby-city', name: 'Derby City Council', onsCode: 'E06000015' },
  { id: 'derbyshire', name: 'Derbyshire County Council', onsCode: 'E10000007' },
  { id: 'nottingham-city', name: 'Nottingham City Council', onsCode: 'E06000018' },
  { id: 'nottinghamshire', name: 'Nottinghamshire County Council', onsCode: 'E10000024' },
] as const;

export type CouncilId = (typeof COUNCILS)[number]['id'];
export const COUNCIL_IDS: readonly CouncilId[] = COUNCILS.map((council) => council.id);
