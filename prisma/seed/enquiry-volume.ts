import { addDays, addMonths, daysBetween, daysInMonth, londonInstant, maxDate, minDate, monthStartsBetween, weekdayIndex } from './dates';
import { randomFor } from './random';

// About 3,000 enquiries and kinship referrals over three years, shaped like a recruitment year: a January peak,
// a lift for Foster Care Fortnight in May and again in September, a summer and Christmas dip, and a step up once
// the regional hub and its website went live in March 2024, growing gently after that.

export const THREE_YEAR_VOLUME = 3_000;
const FFEM_LAUNCH = '2024-03-01';

const SEASONALITY = [1.3, 1.1, 1.05, 0.95, 1.15, 0.9, 0.85, 0.8, 1.1, 1.05, 0.95, 0.65];

export type EnquiryMoment = { date: string; receivedAt: Date; key: string };

/** The first day of the three-year window that ends on asOf. */
export function windowStartFor(asOf: string): string {
  return addDays(addMonths(asOf, -36), 1);
}

function monthWeight(monthStart: string): number {
  const season = SEASONALITY[Number(monthStart.slice(5, 7)) - 1];
  if (monthStart < FFEM_LAUNCH) return season * 0.8;
  // The hub's reach grows a little each year, and no two months are quite alike.
  const yearsLive = daysBetween(FFEM_LAUNCH, monthStart) / 365;
  return season * (1 + 0.06 * yearsLive) * (0.9 + 0.2 * randomFor('enquiry-volume-noise', monthStart).next());
}

// Cases already under way when the window opens: without them the first year would have almost no applications
// or approvals, because those come months after an enquiry.
const LEAD_IN_MONTHS = 8;

/** Every enquiry's received date and time, oldest first: about THREE_YEAR_VOLUME inside the window, plus a lead-in. */
export function enquiryMoments(asOf: string): EnquiryMoment[] {
  const windowStart = windowStartFor(asOf);
  const start = addMonths(windowStart, -LEAD_IN_MONTHS);
  const shareOfMonth = (monthStart: string, from: string, to: string) =>
    from > to ? 0 : (daysBetween(from, to) + 1) / daysInMonth(monthStart);
  const months = monthStartsBetween(start, asOf).map((monthStart) => {
    const first = maxDate(monthStart, start);
    const last = minDate(addDays(monthStart, daysInMonth(monthStart) - 1), asOf);
    const weight = monthWeight(monthStart);
    return {
      monthStart,
      first,
      last,
      weight: weight * shareOfMonth(monthStart, first, last),
      windowWeight: weight * shareOfMonth(monthStart, maxDate(first, windowStart), last),
    };
  });
  const totalWeight = months.reduce((sum, month) => sum + month.windowWeight, 0);

  return months.flatMap(({ monthStart, first, last, weight }) => {
    const random = randomFor('enquiry-volume', monthStart);
    const count = Math.round((THREE_YEAR_VOLUME * weight) / totalWeight);
    const span = daysBetween(first, last);
    const moments: EnquiryMoment[] = [];
    for (let index = 0; index < count; index += 1) {
      let date = addDays(first, random.int(0, span));
      // Fewer at weekends: most enquiries come by phone or the website in working hours.
      if (weekdayIndex(date) >= 5 && random.chance(0.6)) date = addDays(first, random.int(0, span));
      // On asOf itself only early-morning enquiries, so none is received later than the moment the seed runs.
      const hour = date === asOf ? 7 : random.weighted([[8, 1], [9, 3], [10, 4], [11, 4], [12, 3], [13, 3], [14, 4], [15, 3], [16, 3], [17, 2], [19, 2], [20, 2], [21, 1]] as const);
      moments.push({ date, receivedAt: londonInstant(date, hour, random.int(0, 59)), key: `${monthStart}:${index}` });
    }
    return moments;
  }).sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.key.localeCompare(b.key));
}
