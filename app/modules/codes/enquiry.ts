// How an enquiry arrived, how the person heard of fostering, and what they are interested in (DOMAIN.md §7.1, §7.2).

/** How the enquiry reached the hub ("method of enquiry"). */
export const ENQUIRY_CHANNELS = [
  { code: 'webForm', label: 'Website form' },
  { code: 'phone', label: 'Phone' },
  { code: 'email', label: 'Email' },
  { code: 'event', label: 'Information event' },
  { code: 'walkIn', label: 'Walk-in' },
  { code: 'letter', label: 'Letter' },
  { code: 'other', label: 'Other' },
] as const;

/** How the person heard about fostering. */
export const ENQUIRY_SOURCES = [
  { code: 'ffemWebsite', label: 'Foster for East Midlands website' },
  { code: 'socialMedia', label: 'Social media' },
  { code: 'printedMaterial', label: 'Leaflet, poster or other printed material' },
  { code: 'localRadio', label: 'Local radio' },
  { code: 'talkFosteringEvent', label: 'Talk Fostering information event' },
  { code: 'newsletter', label: 'Newsletter' },
  { code: 'caseStudy', label: 'Foster carer story' },
  { code: 'councilStaff', label: 'Works for a council' },
  { code: 'councilCampaign', label: 'Council campaign' },
  { code: 'wordOfMouth', label: 'Word of mouth or an existing foster carer' },
  { code: 'searchEngine', label: 'Search engine' },
  { code: 'nationalCampaign', label: 'National fostering campaign' },
  { code: 'childrensSocialCare', label: "Children's social care referral" },
  { code: 'other', label: 'Other' },
] as const;

/** The kinds of fostering an enquirer is interested in (multi-select). */
export const ENQUIRY_INTERESTS = [
  { code: 'mainstream', label: 'Any kind of fostering' },
  { code: 'disabilities', label: 'Children with disabilities' },
  { code: 'siblingGroups', label: 'Brothers and sisters together' },
  { code: 'teenagers', label: 'Teenagers and older children' },
  { code: 'separatedChildren', label: 'Children who arrived in the UK alone' },
  { code: 'parentAndChild', label: 'Parent and child' },
  { code: 'emergency', label: 'Emergency' },
  { code: 'stepDown', label: 'Children moving on from residential care' },
  { code: 'shortBreaks', label: 'Short breaks and respite' },
  { code: 'longTerm', label: 'Long-term and permanent' },
  { code: 'supportedLodgings', label: 'Supported lodgings for young people leaving care' },
  { code: 'kinship', label: 'Caring for a child I already know' },
] as const;

export type EnquiryChannel = (typeof ENQUIRY_CHANNELS)[number]['code'];
export type EnquirySource = (typeof ENQUIRY_SOURCES)[number]['code'];
export type EnquiryInterest = (typeof ENQUIRY_INTERESTS)[number]['code'];

const CHANNEL_SET = new Set<string>(ENQUIRY_CHANNELS.map((entry) => entry.code));
const SOURCE_SET = new Set<string>(ENQUIRY_SOURCES.map((entry) => entry.code));
const INTEREST_SET = new Set<string>(ENQUIRY_INTERESTS.map((entry) => entry.code));

export function isEnquiryChannel(value: string): value is EnquiryChannel {
  return CHANNEL_SET.has(value);
}
export function isEnquirySource(value: string): value is EnquirySource {
  return SOURCE_SET.has(value);
}
export function isEnquiryInterest(value: string): value is EnquiryInterest {
  return INTEREST_SET.has(value);
}

const labelIn = (list: readonly { code: string; label: string }[], code: string) =>
  list.find((entry) => entry.code === code)?.label ?? code;

export const enquiryChannelLabel = (code: string) => labelIn(ENQUIRY_CHANNELS, code);
export const enquirySourceLabel = (code: string) => labelIn(ENQUIRY_SOURCES, code);
export const enquiryInterestLabel = (code: string) => labelIn(ENQUIRY_INTERESTS, code);
