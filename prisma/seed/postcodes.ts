import type { CouncilId } from './councils';
import type { Random } from './random';

// Outward codes from the "mostly inside" column of DOMAIN.md §8.1, with their Royal Mail post towns, so the demo
// never needs a staff override of the derived council. Inward codes are random but well formed.
type District = { outward: string; town: string };

export const COUNCIL_DISTRICTS: Record<CouncilId, readonly District[]> = {
  'derby-city': [
    { outward: 'DE1', town: 'Derby' },
    { outward: 'DE23', town: 'Derby' },
  ],
  derbyshire: [
    { outward: 'DE4', town: 'Matlock' },
    { outward: 'DE5', town: 'Ripley' },
    { outward: 'DE45', town: 'Bakewell' },
    { outward: 'DE55', town: 'Alfreton' },
    { outward: 'DE56', town: 'Belper' },
    { outward: 'DE75', town: 'Heanor' },
    { outward: 'S18', town: 'Dronfield' },
    { outward: 'S40', town: 'Chesterfield' },
    { outward: 'S41', town: 'Chesterfield' },
    { outward: 'S42', town: 'Chesterfield' },
    { outward: 'S43', town: 'Chesterfield' },
    { outward: 'S44', town: 'Chesterfield' },
    { outward: 'S45', town: 'Chesterfield' },
    { outward: 'SK13', town: 'Glossop' },
    { outward: 'SK17', town: 'Buxton' },
    { outward: 'SK22', town: 'High Peak' },
    { outward: 'SK23', town: 'High Peak' },
    { outward: 'S32', town: 'Hope Valley' },
    { outward: 'S33', town: 'Hope Valley' },
  ],
  'nottingham-city': [
    { outward: 'NG1', town: 'Nottingham' },
    { outward: 'NG7', town: 'Nottingham' },
  ],
  nottinghamshire: [
    { outward: 'NG4', town: 'Nottingham' },
    { outward: 'NG9', town: 'Nottingham' },
    { outward: 'NG12', town: 'Nottingham' },
    { outward: 'NG14', town: 'Nottingham' },
    { outward: 'NG15', town: 'Nottingham' },
    { outward: 'NG17', town: 'Sutton-in-Ashfield' },
    { outward: 'NG18', town: 'Mansfield' },
    { outward: 'NG21', town: 'Mansfield' },
    { outward: 'NG22', town: 'Newark' },
    { outward: 'NG24', town: 'Newark' },
    { outward: 'NG25', town: 'Southwell' },
    { outward: 'DN22', town: 'Retford' },
    { outward: 'S81', town: 'Worksop' },
  ],
};

/** Neighbouring areas outside D2N2 (Leicestershire, Sheffield, Staffordshire), with where the hub signposts them. */
export const OUTSIDE_AREA_DISTRICTS: readonly (District & { signpostedTo: string })[] = [
  { outward: 'LE2', town: 'Leicester', signpostedTo: 'Leicester City Council fostering service' },
  { outward: 'LE11', town: 'Loughborough', signpostedTo: 'Leicestershire County Council fostering service' },
  { outward: 'S10', town: 'Sheffield', signpostedTo: 'Sheffield City Council fostering service' },
  { outward: 'S11', town: 'Sheffield', signpostedTo: 'Sheffield City Council fostering service' },
  { outward: 'ST4', town: 'Stoke-on-Trent', signpostedTo: 'Stoke-on-Trent City Council fostering service' },
  { outward: 'ST14', town: 'Uttoxeter', signpostedTo: 'Staffordshire County Council fostering service' },
];

// Inward codes never use C, I, K, M, O or V.
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

export function randomInwardCode(random: Random): string {
  return `${random.int(0, 9)}${random.pick([...INWARD_LETTERS])}${random.pick([...INWARD_LETTERS])}`;
}

export function randomAddress(random: Random, district: District) {
  return { postcode: `${district.outward} ${randomInwardCode(random)}`, town: district.town };
}
