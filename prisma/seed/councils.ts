// The four D2N2 councils (DOMAIN.md §1.2). Councils are data, not code: names and boundaries may change.
export const COUNCILS = [
  { id: 'derby-city', name: 'Derby City Council', onsCode: 'E06000015' },
  { id: 'derbyshire', name: 'Derbyshire County Council', onsCode: 'E10000007' },
  { id: 'nottingham-city', name: 'Nottingham City Council', onsCode: 'E06000018' },
  { id: 'nottinghamshire', name: 'Nottinghamshire County Council', onsCode: 'E10000024' },
] as const;

export type CouncilId = (typeof COUNCILS)[number]['id'];
export const COUNCIL_IDS: readonly CouncilId[] = COUNCILS.map((council) => council.id);

/** Short codes for the demo's council references ('DY-CHILD-01234', 'NS-FC-2012-014'). */
export const COUNCIL_REFERENCE_PREFIX: Record<CouncilId, string> = {
  'derby-city': 'DC',
  derbyshire: 'DY',
  'nottingham-city': 'NC',
  nottinghamshire: 'NS',
};

/** DOMAIN.md §1.2: demo enquiries (and the demo's existing carers) split as the councils' internal placements are. */
export const COUNCIL_DEMO_SHARES: readonly (readonly [CouncilId, number])[] = [
  ['derby-city', 9.6],
  ['derbyshire', 33.6],
  ['nottingham-city', 21.0],
  ['nottinghamshire', 35.8],
];
