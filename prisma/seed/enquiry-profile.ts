import type { EnquiryChannel, EnquiryInterest, EnquirySource } from '~/modules/codes/enquiry';
import type { ApprovalTermsPayload } from './journeys';
import type { Outcome } from './outcomes';
import type { Random } from './random';

// How an enquiry arrived, how the person heard of fostering and what they are interested in (DOMAIN.md §7), plus
// the terms a household is approved on, which follow from those interests (§7.3).

export type EnquiryProfile = {
  channel: EnquiryChannel;
  source: EnquirySource;
  interests: EnquiryInterest[];
  spareBedrooms: number;
};

// DOMAIN.md §3.1: kinship cases arrive from the child's social worker, not through the hub's front door.
export const KINSHIP_REFERRAL_SOURCE: EnquirySource = 'childrensSocialCare';

const FFEM_LAUNCH = '2024-03-01';

const CHANNELS: readonly (readonly [EnquiryChannel, number])[] = [
  ['webForm', 60],
  ['phone', 22],
  ['email', 10],
  ['event', 5],
  ['walkIn', 1],
  ['letter', 1],
  ['other', 1],
];

function sourcesFor(enquiryDate: string): readonly (readonly [EnquirySource, number])[] {
  // Before the hub went live there was no regional website; council campaigns carried more of the load.
  const live = enquiryDate >= FFEM_LAUNCH;
  return [
    ['ffemWebsite', live ? 18 : 0],
    ['socialMedia', 22],
    ['searchEngine', 14],
    ['wordOfMouth', 14],
    ['councilCampaign', live ? 6 : 16],
    ['nationalCampaign', 6],
    ['printedMaterial', 5],
    ['talkFosteringEvent', 5],
    ['localRadio', 3],
    ['newsletter', 2],
    ['caseStudy', 2],
    ['councilStaff', 2],
    ['other', 1],
  ];
}

const EXTRA_INTERESTS: readonly (readonly [EnquiryInterest, number])[] = [
  ['teenagers', 0.2],
  ['siblingGroups', 0.18],
  ['longTerm', 0.2],
  ['shortBreaks', 0.12],
  ['emergency', 0.1],
  ['disabilities', 0.1],
  ['separatedChildren', 0.06],
  ['parentAndChild', 0.05],
  ['stepDown', 0.03],
  ['supportedLodgings', 0.03],
];

function interestsFor(random: Random, outcome: Outcome): EnquiryInterest[] {
  const interests = new Set<EnquiryInterest>();
  if (random.chance(0.7)) interests.add('mainstream');
  for (const [interest, probability] of EXTRA_INTERESTS) if (random.chance(probability)) interests.add(interest);
  if (outcome.closeReasonCode === 'SUPPORTED_LODGINGS_REFERRED') interests.add('supportedLodgings');
  if (outcome.closeReasonCode === 'KINSHIP_REFERRED') interests.add('kinship');
  if (interests.size === 0) interests.add('mainstream');
  return [...interests].sort();
}

export function mainstreamProfile(random: Random, enquiryDate: string, outcome: Outcome): EnquiryProfile {
  const spareBedrooms =
    outcome.closeReasonCode === 'NO_SPARE_ROOM' ? 0 : random.weighted([[0, 1], [1, 6], [2, 3], [3, 1]] as const);
  return {
    channel: random.weighted(CHANNELS),
    source: random.weighted(sourcesFor(enquiryDate)),
    interests: interestsFor(random, outcome),
    // Nobody is approved without a bedroom for a child.
    spareBedrooms: outcome.stage === 'approved' ? Math.max(1, spareBedrooms) : spareBedrooms,
  };
}

export function kinshipProfile(random: Random): EnquiryProfile {
  return {
    channel: 'email',
    source: KINSHIP_REFERRAL_SOURCE,
    interests: ['kinship'],
    spareBedrooms: random.weighted([[0, 2], [1, 6], [2, 2]] as const),
  };
}

const SPECIALISM_FOR_INTEREST: Partial<Record<EnquiryInterest, string>> = {
  disabilities: 'disability',
  siblingGroups: 'siblingGroups',
  teenagers: 'teenagers',
  separatedChildren: 'separatedChildren',
};

const PLACEMENT_KIND_FOR_INTEREST: Partial<Record<EnquiryInterest, string>> = {
  emergency: 'emergency',
  longTerm: 'longTerm',
  shortBreaks: 'shortBreaks',
  parentAndChild: 'parentAndChild',
  stepDown: 'stepDown',
};

/** Terms for a mainstream approval, shaped by what the household asked about. */
export function mainstreamTerms(random: Random, interests: readonly EnquiryInterest[]): ApprovalTermsPayload {
  const placementKinds = new Set<string>(['shortTerm']);
  for (const interest of interests) {
    const kind = PLACEMENT_KIND_FOR_INTEREST[interest];
    if (kind) placementKinds.add(kind);
  }
  if (random.chance(0.4)) placementKinds.add('longTerm');
  const teenagers = interests.includes('teenagers');
  const minAge = teenagers ? random.int(8, 12) : random.int(0, 5);
  return {
    approvalType: interests.includes('shortBreaks') && random.chance(0.3) ? 'shortBreaks' : 'mainstream',
    // Derbyshire approves for one or two children rather than a "possibly misleading" three (DOMAIN.md §7.3).
    numberOfChildren: random.weighted([[1, 4], [2, 5], [3, 1]] as const),
    minAge,
    maxAge: Math.max(minAge + 4, random.int(11, 18)),
    placementKinds: [...placementKinds].sort(),
    specialisms: interests.flatMap((interest) => SPECIALISM_FOR_INTEREST[interest] ?? []).sort(),
    namedChildren: [],
  };
}

/** Kinship approval is for the named child or children (DOMAIN.md §3.2). */
export function kinshipTerms(random: Random, childReferences: readonly string[]): ApprovalTermsPayload {
  const minAge = random.int(0, 12);
  return {
    approvalType: 'kinship',
    numberOfChildren: childReferences.length,
    minAge,
    maxAge: Math.min(18, minAge + random.int(1, 6)),
    placementKinds: ['longTerm'],
    specialisms: childReferences.length > 1 ? ['siblingGroups'] : [],
    namedChildren: [...childReferences],
  };
}
