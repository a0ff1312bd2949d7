import { addCalendarDays, addMonthsClamped } from '~/lib/working-days';

// Mockingbird's rules and code lists (DOMAIN.md §5). Pure, so pages, schemas and tests share them.

/** DfE funded each council's hub "for up to 10 fostering families" (DOMAIN.md §5): the most satellites a constellation takes. */
export const MAX_SATELLITES = 10;
/** The Fostering Network's model: six to ten satellites. Below six is a warning, never a block. */
export const MIN_SATELLITES_ADVISED = 6;

export const MEMBER_TYPES = [
  { code: 'foster', label: 'Foster carers' },
  { code: 'kinship', label: 'Kinship carers' },
  { code: 'specialGuardian', label: 'Special guardians' },
  { code: 'adoptive', label: 'Adoptive family' },
  { code: 'youngAdult', label: 'Young adult living independently' },
] as const;
export type MemberType = (typeof MEMBER_TYPES)[number]['code'];

export const ACTIVITY_TYPES = [
  { code: 'meeting', label: 'Constellation meeting', hasNights: false },
  { code: 'social', label: 'Social activity', hasNights: false },
  { code: 'training', label: 'Joint training', hasNights: false },
  { code: 'plannedSleepover', label: 'Planned sleepover', hasNights: true },
  { code: 'emergencySleepover', label: 'Emergency sleepover', hasNights: true },
  { code: 'shortBreak', label: 'Short break', hasNights: true },
  { code: 'dayCare', label: 'Day care', hasNights: false },
  { code: 'other', label: 'Other support', hasNights: false },
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number]['code'];

export const SLEEPOVER_TYPES: readonly ActivityType[] = ['plannedSleepover', 'emergencySleepover'];

export function memberTypeLabel(code: string): string {
  return MEMBER_TYPES.find((type) => type.code === code)?.label ?? 'Other';
}

export function activityTypeLabel(code: string): string {
  return ACTIVITY_TYPES.find((type) => type.code === code)?.label ?? 'Other support';
}

export function activityHasNights(code: string): boolean {
  return ACTIVITY_TYPES.find((type) => type.code === code)?.hasNights ?? false;
}

export function roleLabel(role: string): string {
  return role === 'hubHome' ? 'Hub home' : 'Satellite';
}

/** Places left for satellites; never negative, even for a constellation over the limit from before it was enforced. */
export function vacancies(currentSatellites: number): number {
  return Math.max(0, MAX_SATELLITES - currentSatellites);
}

export type SatelliteAdvice = 'full' | 'belowAdvised' | null;

export function satelliteAdvice(currentSatellites: number): SatelliteAdvice {
  if (currentSatellites >= MAX_SATELLITES) return 'full';
  if (currentSatellites < MIN_SATELLITES_ADVISED) return 'belowAdvised';
  return null;
}

/** The last quarter as the overview counts it: the three months up to and including today. */
export function lastQuarter(today: string): { from: string; to: string } {
  return { from: addCalendarDays(addMonthsClamped(today, -3), 1), to: today };
}

/** The twelve months up to and including today, for the retention comparison on the overview. */
export function lastTwelveMonths(today: string): { from: string; to: string } {
  return { from: addCalendarDays(addMonthsClamped(today, -12), 1), to: today };
}
