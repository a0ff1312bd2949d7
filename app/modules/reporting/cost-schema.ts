import { z } from 'zod';
import { ukDateField } from '~/lib/forms';

// The manager's form for a weekly cost assumption (DOMAIN.md §6.6). Pure, so the page and the tests share it.

export const COST_RATES = [
  { code: 'inHouseWeekly', label: 'In-house fostering, average weekly cost' },
  { code: 'ifaWeekly', label: 'Independent fostering agency, average weekly cost' },
] as const;

export function costRateLabel(code: string): string {
  return COST_RATES.find((rate) => rate.code === code)?.label ?? code;
}

/** '634', '£634', '1,254.50' → pence; null unless a sum of money with at most two decimal places. */
export function parsePoundsToPence(raw: string): number | null {
  const cleaned = raw.trim().replace(/^£/, '').replace(/,/g, '');
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(cleaned)) return null;
  const [pounds, pence = ''] = cleaned.split('.');
  return Number(pounds) * 100 + Number(pence.padEnd(2, '0'));
}

export const costParameterSchema = z.object({
  councilId: z.string({ error: 'Choose a council' }).min(1, 'Choose a council'),
  name: z.enum(['inHouseWeekly', 'ifaWeekly'], { error: 'Choose which cost this is' }),
  weekly: z
    .string({ error: 'Enter the weekly cost in pounds, like 634' })
    .transform((value, ctx) => {
      const pence = parsePoundsToPence(value);
      if (pence === null || pence === 0) {
        ctx.addIssue({ code: 'custom', message: 'Enter the weekly cost in pounds, like 634 or 634.50' });
        return z.NEVER;
      }
      return pence;
    }),
  effectiveFrom: ukDateField({ required: 'Enter the date the cost applies from', invalid: 'The date the cost applies from must be a real date, like 1 4 2025' }),
  source: z
    .string({ error: 'Say where the figure comes from' })
    .trim()
    .min(1, 'Say where the figure comes from, like “Derbyshire sufficiency strategy 2025”')
    .max(300, 'Where the figure comes from must be 300 characters or fewer'),
});

export type CostParameterInput = z.output<typeof costParameterSchema>;
