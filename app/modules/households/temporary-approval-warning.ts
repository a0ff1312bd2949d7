import { deadlineStatus } from '~/lib/deadlines';
import { DEFAULT_HOLIDAY_SET, type HolidaySet } from '~/lib/working-days';
import { deadlineFlag, type DeadlineFlag, type NextDeadline } from '~/modules/pipeline/next-deadline';

// A kinship child's placement rests on temporary approval (Regulation 24, extended once under Regulation 25). If it
// lapses the council must end the placement (DOMAIN.md §3.2), so the case page warns from the alert window on.

export type TemporaryApprovalWarning = {
  regulation: 24 | 25;
  endsOn: string;
  flag: DeadlineFlag;
  /** Negative once the end has passed. */
  calendarDaysLeft: number;
};

const REGULATION_OF_RULE = { reg24End: 24, reg25ExtensionEnd: 25 } as const;

/** The warning to show today, or null when the next deadline is not a temporary approval end or is not yet near. */
export function temporaryApprovalWarningFor(
  deadline: NextDeadline | null,
  today: string,
  holidays: HolidaySet = DEFAULT_HOLIDAY_SET,
): TemporaryApprovalWarning | null {
  if (deadline === null || (deadline.rule !== 'reg24End' && deadline.rule !== 'reg25ExtensionEnd')) return null;
  const flag = deadlineFlag(deadline, today, holidays);
  if (flag === null) return null;
  return {
    regulation: REGULATION_OF_RULE[deadline.rule],
    endsOn: deadline.dueOn,
    flag,
    calendarDaysLeft: deadlineStatus(deadline.dueOn, today).calendarDaysLeft,
  };
}

const count = (amount: number, unit: string) => `${amount} ${unit}${amount === 1 ? '' : 's'}`;

/** 21 → '3 weeks', 23 → '3 weeks and 2 days', 4 → '4 days'. */
export function weeksAndDays(days: number): string {
  const weeks = Math.floor(days / 7);
  const rest = days % 7;
  if (weeks === 0) return count(rest, 'day');
  return rest === 0 ? count(weeks, 'week') : `${count(weeks, 'week')} and ${count(rest, 'day')}`;
}
