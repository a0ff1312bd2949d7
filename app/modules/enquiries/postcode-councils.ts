import { normalisePostcode } from '~/lib/uk';

// The indicative postcode districts of DOMAIN.md §8.1, kept in the repo so that an enquiry gets a provisional council
// without an online service. An outward code that lies mostly inside one council matches it; one shared between
// councils, or with a neighbour outside D2N2, is ambiguous and goes to the hub's allocation queue for staff to
// confirm; anything not in the table is outside the four councils. The full-postcode lookup (ONS Postcode Directory)
// is the authority when we have it; this table is the fallback the guide describes.

export type CouncilMatch =
  | { kind: 'match'; councilId: string }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'outside' }
  /** Not shaped like a UK postcode at all: the enquiry schema refuses these before they get here. */
  | { kind: 'invalid' };

/** DOMAIN.md §8.1 "Mostly inside". */
const MOSTLY_INSIDE: Readonly<Record<string, readonly string[]>> = {
  'derby-city': ['DE1', 'DE23'],
  derbyshire: [
    'DE4', 'DE5', 'DE45', 'DE55', 'DE56', 'DE75',
    'S18', 'S40', 'S41', 'S42', 'S43', 'S44', 'S45', 'S32', 'S33',
    'SK13', 'SK17', 'SK22', 'SK23',
    // The guide's traps: Long Eaton and Sandiacre make NG10 mostly Derbyshire although it is a Nottingham code.
    'NG10',
  ],
  'nottingham-city': ['NG1', 'NG7'],
  nottinghamshire: ['NG4', 'NG9', 'NG12', 'NG14', 'NG15', 'NG17', 'NG18', 'NG21', 'NG22', 'NG24', 'NG25', 'DN22', 'S81'],
};

/**
 * DOMAIN.md §8.1 "Shared with a neighbour": the D2N2 councils each district may belong to. A district shared with a
 * council outside D2N2 lists only the D2N2 one, and is still ambiguous because the person may live over the border.
 * NG16, NG19, NG20 and S80 hold Derbyshire places (Langley Mill, Pinxton, Shirebrook, Whitwell) but also large
 * Nottinghamshire towns (Eastwood, Mansfield Woodhouse, Market Warsop, Worksop), so staff confirm them.
 */
const SHARED: readonly { districts: readonly string[]; councils: readonly string[] }[] = [
  { districts: ['DE3', 'DE21', 'DE22', 'DE24', 'DE65', 'DE72', 'DE73'], councils: ['derby-city', 'derbyshire'] },
  { districts: ['DE7', 'NG16', 'NG19', 'NG20', 'S80'], councils: ['derbyshire', 'nottinghamshire'] },
  // With Staffordshire, Leicestershire, Sheffield, Tameside and Cheshire East.
  { districts: ['DE6', 'DE11', 'DE12', 'DE15', 'S8', 'S12', 'S17', 'S21', 'SK14'], councils: ['derbyshire'] },
  { districts: ['NG2', 'NG3', 'NG5', 'NG6', 'NG8', 'NG11'], councils: ['nottingham-city', 'nottinghamshire'] },
  // With Leicestershire, Lincolnshire and Doncaster.
  { districts: ['NG13', 'LE12', 'LE14', 'NG23', 'DN21', 'DN10', 'DN11'], councils: ['nottinghamshire'] },
];

function buildDistrictTable(): ReadonlyMap<string, CouncilMatch> {
  const table = new Map<string, CouncilMatch>();
  for (const { districts, councils } of SHARED) {
    for (const district of districts) table.set(district, { kind: 'ambiguous', candidates: [...councils] });
  }
  // "Mostly inside" wins where the guide lists a district twice (SK13, SK17, SK23 fringes; S81 with Rotherham).
  for (const [councilId, districts] of Object.entries(MOSTLY_INSIDE)) {
    for (const district of districts) table.set(district, { kind: 'match', councilId });
  }
  return table;
}

const DISTRICTS = buildDistrictTable();

/** 'de1 2aa', 'DE12AA' → the council it lies in, the councils it may lie in, or outside the four councils. */
export function councilForPostcode(postcode: string): CouncilMatch {
  const normalised = normalisePostcode(postcode);
  if (!normalised) return { kind: 'invalid' };
  const outwardCode = normalised.split(' ')[0];
  const match = DISTRICTS.get(outwardCode);
  if (!match) return { kind: 'outside' };
  return match.kind === 'ambiguous' ? { kind: 'ambiguous', candidates: [...match.candidates] } : match;
}
