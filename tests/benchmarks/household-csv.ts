// A seeded historical-import file (docs/import-format.md) for benchmarks that need volume: households spread evenly
// over the four councils, and over open enquiries, open applications, closures before and after an application,
// and approvals (some since ended). The same count always gives the same file.

export const COUNCIL_IDS = ['derby-city', 'derbyshire', 'nottingham-city', 'nottinghamshire'];
export const INTERESTS = ['mainstream', 'teenagers', 'siblingGroups', 'disabilities', 'shortBreaks', 'parentAndChild'];
export const SOURCES = ['ffemWebsite', 'socialMedia', 'wordOfMouth', 'searchEngine', 'councilCampaign', ''];
export const CLOSURE_REASONS_BEFORE_APPLICATION = ['NO_CONTACT', 'INFO_ONLY', 'NO_SPARE_ROOM', 'NOT_NOW'];
export const CLOSURE_REASONS_AFTER_APPLICATION = ['FINANCES', 'HOUSEHOLD_CHANGE', 'STAGE1_NOT_SUITABLE', 'NOT_APPROVED'];
export const DEREGISTRATION_REASONS = ['RETIREMENT_AGE', 'HEALTH', 'TRANSFERRED_TO_IFA', 'SGO_GRANTED', 'DECEASED'];
const POSTCODES = ['DE1 2FS', 'DE22 3AB', 'NG1 5AB', 'NG18 1AA', 'S40 1LP', 'SK17 6AA', ''];
export const HEADER =
  'reference,council,route,enquiry_type,source,postcode,enquiry_date,application_date,approval_date,closed_date,' +
  'closed_reason,deregistration_date,deregistration_reason,mockingbird_joined_date';

// Every date falls between 2016 and early 2025, so none is in the future whenever the benchmark runs.
const START = Date.UTC(2016, 0, 1);
const ENQUIRY_DAYS = 2200;
const DAY_MS = 86_400_000;

/** Mulberry32: a small seeded generator, so every run imports the same file. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const isoDay = (dayNumber: number) => new Date(START + dayNumber * DAY_MS).toISOString().slice(0, 10);

/**
 * `rows` households, references WL-000000 upwards. Shares: 20% open enquiries, 15% closed before applying,
 * 15% open applications, 15% closed after applying, 35% approved (a third of those since deregistered).
 */
export function generateHouseholdCsv(rows: number): string {
  const random = seededRandom(20260412);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const lines = [HEADER];
  for (let index = 0; index < rows; index += 1) {
    const enquiry = Math.floor(random() * ENQUIRY_DAYS);
    const shape = random();
    const interests = new Set(Array.from({ length: Math.floor(random() * 3) }, () => pick(INTERESTS)));
    const cells = { application: '', approval: '', closed: '', closedReason: '', deregistration: '', deregistrationReason: '' };
    if (shape >= 0.2 && shape < 0.35) {
      cells.closed = isoDay(enquiry + 20);
      cells.closedReason = pick(CLOSURE_REASONS_BEFORE_APPLICATION);
    } else if (shape >= 0.35) {
      const application = enquiry + 30 + Math.floor(random() * 60);
      cells.application = isoDay(application);
      if (shape >= 0.5 && shape < 0.65) {
        cells.closed = isoDay(application + 40);
        cells.closedReason = pick(CLOSURE_REASONS_AFTER_APPLICATION);
      } else if (shape >= 0.65) {
        const approval = application + 120 + Math.floor(random() * 120);
        cells.approval = isoDay(approval);
        if (random() < 0.33) {
          cells.deregistration = isoDay(approval + 400);
          cells.deregistrationReason = pick(DEREGISTRATION_REASONS);
        }
      }
    }
    lines.push(
      [
        `WL-${String(index).padStart(6, '0')}`,
        COUNCIL_IDS[index % COUNCIL_IDS.length],
        random() < 0.05 ? 'kinship' : 'mainstream',
        [...interests].join(';'),
        pick(SOURCES),
        pick(POSTCODES),
        isoDay(enquiry),
        cells.application,
        cells.approval,
        cells.closed,
        cells.closedReason,
        cells.deregistration,
        cells.deregistrationReason,
        '',
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
