// The named clocks of DOMAIN.md §2.4 and how far each runs. Due dates are computed once, when the starting event
// happens, and stored as London calendar dates; a daily job compares them with today (STYLE.md §3.1).
import {
  addCalendarDays,
  addMonthsClamped,
  addWeeks,
  addWorkingDays,
  calendarDaysBetween,
  DEFAULT_HOLIDAY_SET,
  subtractWorkingDays,
  workingDaysBetween,
  type HolidaySet,
} from '~/lib/working-days';

/** The labels of DOMAIN.md §2.4's "Kind" column: only the statutory kinds are hard rules. */
export type DeadlineKind = 'localTarget' | 'probableLaw' | 'statutory' | 'statutoryStandard';

export type DeadlineLength =
  | { unit: 'workingDaysAfter'; count: number }
  | { unit: 'workingDaysBefore'; count: number }
  | { unit: 'calendarDays'; count: number }
  | { unit: 'weeks'; count: number }
  | { unit: 'months'; count: number; kinshipCount?: number };

export interface DeadlineRule {
  label: string;
  kind: DeadlineKind;
  length: DeadlineLength;
}

const RULES = {
  // Enquiry received → 1 working day; local target [P].
  enquiryResponse: {
    label: 'Respond to the enquiry',
    kind: 'localTarget',
    length: { unit: 'workingDaysAfter', count: 1 },
  },
  // Enquiry received → "ideally" 5 working days; local target [P].
  initialVisit: {
    label: 'Initial visit',
    kind: 'localTarget',
    length: { unit: 'workingDaysAfter', count: 5 },
  },
  // All Stage 1 information obtained → 10 working days, after which Stage 2 must start; probable law (§2.2, §10.6).
  stage1NotSuitableNotice: {
    label: 'Stage 1 "not suitable" notice',
    kind: 'probableLaw',
    length: { unit: 'workingDaysAfter', count: 10 },
  },
  // Records request to a previous fostering service → 15 working days [L reg 32(6)].
  previousProviderRecords: {
    label: 'Records from the previous fostering service',
    kind: 'statutory',
    length: { unit: 'workingDaysAfter', count: 15 },
  },
  // Counted back from the panel date: papers at least 5 working days before [L NMS 14].
  panelPapers: {
    label: 'Send the panel papers',
    kind: 'statutoryStandard',
    length: { unit: 'workingDaysBefore', count: 5 },
  },
  // Application received (not accepted) → 8 months [L NMS 14.4].
  panelRecommendation: {
    label: 'Panel recommendation',
    kind: 'statutoryStandard',
    length: { unit: 'months', count: 8 },
  },
  // Form F complete → 6 weeks; local target [P].
  panelAfterAssessment: {
    label: 'Panel after the assessment',
    kind: 'localTarget',
    length: { unit: 'weeks', count: 6 },
  },
  // Final panel minutes received by the ADM (not the panel date) → 7 working days [L NMS 14].
  admDecision: {
    label: 'Agency decision',
    kind: 'statutoryStandard',
    length: { unit: 'workingDaysAfter', count: 7 },
  },
  // Date of the qualifying determination letter → 28 calendar days for representations or an IRM application [L].
  qdWindow: {
    label: 'Representations or IRM application',
    kind: 'statutory',
    length: { unit: 'calendarDays', count: 28 },
  },
  // IRM notification received → 10 working days to send the papers [L reg 29].
  irmPapers: {
    label: 'Send the papers to the IRM',
    kind: 'statutory',
    length: { unit: 'workingDaysAfter', count: 10 },
  },
  // Temporary approval of a connected person → up to 16 weeks [L reg 24, Care Planning Regulations 2010] (§3.2).
  reg24End: {
    label: 'Temporary approval ends',
    kind: 'statutory',
    length: { unit: 'weeks', count: 16 },
  },
  // End of the reg 24 period → up to 8 more weeks, once [L reg 25] (§3.2).
  reg25ExtensionEnd: {
    label: 'Extended temporary approval ends',
    kind: 'statutory',
    length: { unit: 'weeks', count: 8 },
  },
  // Approval date → first review within 12 months, at panel [L reg 28] (§4.3).
  firstReview: {
    label: 'First review of approval',
    kind: 'statutory',
    length: { unit: 'months', count: 12 },
  },
  // Previous review → at most 12 months later [L reg 28] (§4.3).
  laterReview: {
    label: 'Review of approval',
    kind: 'statutory',
    length: { unit: 'months', count: 12 },
  },
  // Approval date → TSD Standards evidenced within 12 months, 18 for family and friends carers [L NMS 20] (§4.4).
  tsd: {
    label: 'Training, Support and Development Standards',
    kind: 'statutoryStandard',
    length: { unit: 'months', count: 12, kinshipCount: 18 },
  },
  // Resignation notice received → approval ends 28 days later [L reg 28(13)] (§4.6).
  resignationEffective: {
    label: 'Approval ends after resignation',
    kind: 'statutory',
    length: { unit: 'calendarDays', count: 28 },
  },
} satisfies Record<string, DeadlineRule>;

export type DeadlineRuleName = keyof typeof RULES;

export const DEADLINE_RULES: Readonly<Record<DeadlineRuleName, DeadlineRule>> = RULES;

export interface DueDateOptions {
  holidays?: HolidaySet;
  /** Family and friends (kinship) carers: only rules with a kinship length, such as TSD, change. */
  kinship?: boolean;
}

/** The due date ('YYYY-MM-DD') of a clock that starts on `startDate`, by DOMAIN.md §2.4's counting conventions. */
export function dueDate(rule: DeadlineRuleName, startDate: string, options: DueDateOptions = {}): string {
  const holidays = options.holidays ?? DEFAULT_HOLIDAY_SET;
  const { length } = DEADLINE_RULES[rule];
  switch (length.unit) {
    case 'workingDaysAfter':
      return addWorkingDays(startDate, length.count, holidays);
    case 'workingDaysBefore':
      return subtractWorkingDays(startDate, length.count, holidays);
    case 'calendarDays':
      return addCalendarDays(startDate, length.count);
    case 'weeks':
      return addWeeks(startDate, length.count);
    case 'months':
      return addMonthsClamped(startDate, options.kinship ? (length.kinshipCount ?? length.count) : length.count);
  }
}

/** Warn this many working days ahead of a due date. */
export const DUE_SOON_WORKING_DAYS = 5;

export type DeadlineState = 'overdue' | 'dueToday' | 'dueSoon' | 'onTrack';

export interface DeadlineStatus {
  state: DeadlineState;
  /** Working days after today up to and including the due date; negative once overdue. */
  workingDaysLeft: number;
  calendarDaysLeft: number;
}

/** A step is on time if it happens on or before its due date (DOMAIN.md §2.4). */
export function deadlineStatus(dueOn: string, today: string, holidays: HolidaySet = DEFAULT_HOLIDAY_SET): DeadlineStatus {
  const calendarDaysLeft = calendarDaysBetween(today, dueOn);
  const workingDaysLeft = workingDaysBetween(today, dueOn, holidays);
  const state: DeadlineState =
    calendarDaysLeft < 0
      ? 'overdue'
      : calendarDaysLeft === 0
        ? 'dueToday'
        : workingDaysLeft <= DUE_SOON_WORKING_DAYS
          ? 'dueSoon'
          : 'onTrack';
  return { state, workingDaysLeft, calendarDaysLeft };
}
