// Calendar months and financial years for the trend charts (DOMAIN.md §6.1: a financial year runs from 1 April to
// 31 March and is written 2025/26). Pure: dates are London calendar dates, 'YYYY-MM-DD'.

/** Every month ('YYYY-MM') that the inclusive period touches, in order. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number);
  const [endYear, endMonth] = to.split('-').map(Number);
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month === 13) [year, month] = [year + 1, 1];
  }
  return months;
}

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2025-04' → 'Apr 2025'. */
export function monthLabel(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return `${SHORT_MONTHS[number - 1]} ${year}`;
}

/** The year in which the financial year containing the date starts: 31 March 2026 → 2025, 1 April 2026 → 2026. */
export function financialYearOf(date: string): number {
  const [year, month] = date.split('-').map(Number);
  return month >= 4 ? year : year - 1;
}

/** 2025 → '2025/26'. */
export function financialYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** The `count` financial years that end with the one containing `date`, oldest first, as their first and last days. */
export function financialYearsEndingWith(date: string, count: number): { startYear: number; from: string; to: string }[] {
  const last = financialYearOf(date);
  return Array.from({ length: count }, (_, index) => {
    const startYear = last - count + 1 + index;
    return { startYear, from: `${startYear}-04-01`, to: `${startYear + 1}-03-31` };
  });
}

/** The same day `months` calendar months later, or the month's last day when it has no such day: 31 Aug + 6 → 28 Feb. */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}
