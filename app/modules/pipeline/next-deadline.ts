import { addWeeks, calendarDaysBetween, DEFAULT_HOLIDAY_SET, type HolidaySet } from '~/lib/working-days';
import { deadlineStatus, dueDate, type DeadlineRuleName } from '~/lib/deadlines';
import type { PipelineContext } from './machine';

// The clock that matters next for a household, from its stage and the facts in its snapshot (DOMAIN.md §2.4, §3.2).
// Pure: the writer stores the answer as Household.nextDueOn / nextDueRule when a stage changes, and the daily job
// recomputes it when the bank holiday list may have changed (STYLE.md §3.1 "Deadlines are not timers").

export type NextDeadline = { dueOn: string; rule: DeadlineRuleName };

export type NextDeadlineInput = {
  stage: string;
  context: PipelineContext;
  /** Columns the snapshot does not carry: the enquiry date is recorded on the household, not on an event. */
  householdDates: { enquiryDate: string };
  holidays?: HolidaySet;
};

type Clock = { rule: DeadlineRuleName; startOn: string | null } | { rule: DeadlineRuleName; dueOn: string };

/** Regulation 24 temporary approval, or its Regulation 25 extension once granted: the end that applies now. */
function temporaryApprovalEnd(context: PipelineContext): Clock[] {
  if (context.tempApprovalStartOn === null) return [];
  if (context.extensionEndsOn !== null) return [{ rule: 'reg25ExtensionEnd', dueOn: context.extensionEndsOn }];
  return [{ rule: 'reg24End', startOn: context.tempApprovalStartOn }];
}

/** NMS 14.4: eight months from receipt of the application; holds do not stop it (DOMAIN.md §10.5). */
function panelRecommendation(context: PipelineContext): Clock[] {
  return [{ rule: 'panelRecommendation', startOn: context.applicationReceivedOn }];
}

function runningClocks(stage: string, context: PipelineContext, enquiryDate: string): Clock[] {
  // Kinship cases go to panel and the agency decision before temporary approval ends (DOMAIN.md §3.2).
  const kinshipEnd = context.route === 'kinship' ? temporaryApprovalEnd(context) : [];
  const group = stage.split('.')[0];
  switch (stage) {
    case 'enquiry.received':
      return [{ rule: 'enquiryResponse', startOn: enquiryDate }];
    case 'enquiry.contacted':
    case 'enquiry.visitBooked':
      return [{ rule: 'initialVisit', startOn: enquiryDate }];
    case 'panel.booked':
      // Papers go out at least 5 working days before the panel date, counted back from it.
      return [...panelRecommendation(context), { rule: 'panelPapers', startOn: context.panelOn }, ...kinshipEnd];
    case 'panel.papersSent':
      return [...panelRecommendation(context), ...kinshipEnd];
    case 'decision.awaitingAdm':
      // From receipt of the final minutes, not from the panel date (DOMAIN.md §2.2 step 10).
      return [{ rule: 'admDecision', startOn: context.finalMinutesReceivedOn }, ...kinshipEnd];
    case 'decision.qdWindow':
      return [{ rule: 'qdWindow', startOn: context.qdLetterOn }, ...kinshipEnd];
    case 'kinship.temporaryApproval':
    case 'kinship.extension':
      return temporaryApprovalEnd(context);
    case 'onHold':
      return context.heldFrom === 'application' || context.heldFrom === 'assessment' ? panelRecommendation(context) : [];
    default:
      break;
  }
  if (group === 'application' || group === 'assessment') return panelRecommendation(context);
  if (group === 'decision') return kinshipEnd;
  // enquiry.visited, invited, kinship referral, viability and full assessment without temporary approval, and the
  // final stages: no clock from DOMAIN.md §2.4 runs; the stalled-case check covers them.
  return [];
}

/** The earliest due date among the clocks running at this stage, or null when none runs. */
export function nextDeadlineFor({ stage, context, householdDates, holidays = DEFAULT_HOLIDAY_SET }: NextDeadlineInput): NextDeadline | null {
  let earliest: NextDeadline | null = null;
  for (const clock of runningClocks(stage, context, householdDates.enquiryDate)) {
    const dueOn = 'dueOn' in clock ? clock.dueOn : clock.startOn === null ? null : dueDate(clock.rule, clock.startOn, { holidays });
    if (dueOn !== null && (earliest === null || dueOn < earliest.dueOn)) earliest = { dueOn, rule: clock.rule };
  }
  return earliest;
}

export type DeadlineFlag = 'overdue' | 'dueSoon';

// DOMAIN.md §3.2: alert at 10 and 12 weeks into the 16-week temporary approval, and 4 weeks before any end, because
// missing it forces a child to move. Counted back from the end, so the windows open 6 and 4 weeks before it.
const ALERT_WEEKS_BEFORE_END: Partial<Record<DeadlineRuleName, number>> = { reg24End: 6, reg25ExtensionEnd: 4 };

/** Whether a worker should be told today: past the due date, or within its warning window (due today counts). */
export function deadlineFlag(deadline: NextDeadline, today: string, holidays: HolidaySet = DEFAULT_HOLIDAY_SET): DeadlineFlag | null {
  const { state } = deadlineStatus(deadline.dueOn, today, holidays);
  if (state === 'overdue') return 'overdue';
  if (state === 'dueToday' || state === 'dueSoon') return 'dueSoon';
  const alertWeeks = ALERT_WEEKS_BEFORE_END[deadline.rule];
  if (alertWeeks !== undefined && calendarDaysBetween(addWeeks(deadline.dueOn, -alertWeeks), today) >= 0) return 'dueSoon';
  return null;
}

/**
 * The latest due date that deadlineFlag can flag today, for narrowing a query before calling it. The longest alert
 * window (6 weeks) is far wider than DUE_SOON_WORKING_DAYS, even across Christmas.
 */
export function latestFlaggableDueOn(today: string): string {
  return addWeeks(today, Math.max(...Object.values(ALERT_WEEKS_BEFORE_END)));
}
