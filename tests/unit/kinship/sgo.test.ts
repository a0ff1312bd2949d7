import { describe, expect, it } from 'vitest';
import { parseForm } from '~/lib/forms';
import { updateSgoCaseSchema } from '~/modules/kinship/schema';
import { parsePoundsToPence, penceToPoundsText, sgoReviewDue } from '~/modules/kinship/sgo';

describe('sgoReviewDue', () => {
  // Today is Monday 23 November 2026; due soon is within 28 calendar days.
  it.each([
    ['2026-11-22', 'overdue'],
    ['2025-01-01', 'overdue'],
    ['2026-11-23', 'dueSoon'],
    ['2026-12-21', 'dueSoon'],
    ['2026-12-22', 'notDue'],
    ['2027-11-23', 'notDue'],
  ] as const)('a review on %s is %s', (nextReviewOn, expected) => {
    expect(sgoReviewDue(nextReviewOn, '2026-11-23')).toBe(expected);
  });

  it('says so when there is no review date', () => {
    expect(sgoReviewDue(null, '2026-11-23')).toBe('none');
  });
});

describe('parsePoundsToPence', () => {
  it.each([
    ['96.15', 9615],
    ['£96.15', 9615],
    ['  £ 96.1 ', 9610],
    ['96', 9600],
    ['1,000', 100_000],
    ['0', 0],
  ])('reads %s as %i pence', (text, pence) => {
    expect(parsePoundsToPence(text)).toEqual({ ok: true, pence });
  });

  it.each([
    ['-5', 'The weekly allowance cannot be negative'],
    ['£-5', 'The weekly allowance cannot be negative'],
    ['96.155', 'Enter the weekly allowance in pounds, like 96.15'],
    ['ninety', 'Enter the weekly allowance in pounds, like 96.15'],
    ['1000.01', 'The weekly allowance must be £1,000 or less'],
  ])('refuses %s', (text, message) => {
    expect(parsePoundsToPence(text)).toEqual({ ok: false, message });
  });

  it('writes pence back as pounds that read back the same', () => {
    expect(penceToPoundsText(9605)).toBe('96.05');
    expect(parsePoundsToPence(penceToPoundsText(9605))).toEqual({ ok: true, pence: 9605 });
  });
});

describe('updateSgoCaseSchema', () => {
  function form(fields: Record<string, string>) {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.append(name, value);
    return data;
  }

  it('takes an empty allowance as none, and an empty allowance start as not given', () => {
    const parsed = parseForm(
      updateSgoCaseSchema,
      form({ version: '3', weeklyAllowancePence: '', 'allowanceStartOn-day': '', 'allowanceStartOn-month': '', 'allowanceStartOn-year': '',
        'nextReviewOn-day': '1', 'nextReviewOn-month': '6', 'nextReviewOn-year': '2027' }),
    );
    expect(parsed).toEqual({ ok: true, data: { version: 3, weeklyAllowancePence: null, allowanceStartOn: undefined, nextReviewOn: '2027-06-01', supportPlan: undefined } });
  });

  it('asks for a real next review date', () => {
    const parsed = parseForm(updateSgoCaseSchema, form({ version: '0', 'nextReviewOn-day': '31', 'nextReviewOn-month': '2', 'nextReviewOn-year': '2027' }));
    expect(parsed.ok ? null : parsed.fieldErrors.nextReviewOn).toBe('The next review date must be a real date');
  });
});
