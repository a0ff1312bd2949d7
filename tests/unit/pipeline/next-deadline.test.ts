import { describe, expect, test } from 'vitest';
import type { PipelineContext, PipelineRoute } from '~/modules/pipeline/machine';
import { deadlineFlag, latestFlaggableDueOn, nextDeadlineFor, type NextDeadline } from '~/modules/pipeline/next-deadline';
import { initialSnapshot } from '~/modules/pipeline/snapshots';
import { ALL_STAGES } from '~/modules/pipeline/stages';

// Each stage's clock with due dates counted by hand from DOMAIN.md §2.4 (start day is day 0; working days skip
// weekends and England and Wales bank holidays) and §3.2 (Regulations 24 and 25).

function contextWith(route: PipelineRoute, facts: Partial<PipelineContext> = {}): PipelineContext {
  return { ...initialSnapshot(route, { councilId: 'derby-city' }).context, ...facts };
}

const ENQUIRY_DATE = '2026-04-02'; // Thursday, before Good Friday (3 April) and Easter Monday (6 April)

function deadlineAt(stage: string, context: PipelineContext, enquiryDate = ENQUIRY_DATE) {
  return nextDeadlineFor({ stage, context, householdDates: { enquiryDate } });
}

describe('nextDeadlineFor: the clock that matters at each stage', () => {
  test('enquiry received: respond within 1 working day, over Easter', () => {
    // Thu 2 April → Fri 3 (Good Friday), Sat, Sun, Mon 6 (Easter Monday) skipped → Tue 7 April.
    expect(deadlineAt('enquiry.received', contextWith('mainstream'))).toEqual({ dueOn: '2026-04-07', rule: 'enquiryResponse' });
  });

  test('the bank holidays come from the list passed in', () => {
    // With no holidays, Good Friday is a working day.
    const deadline = nextDeadlineFor({
      stage: 'enquiry.received',
      context: contextWith('mainstream'),
      householdDates: { enquiryDate: ENQUIRY_DATE },
      holidays: new Set(),
    });
    expect(deadline).toEqual({ dueOn: '2026-04-03', rule: 'enquiryResponse' });
  });

  test('first contact made: initial visit within 5 working days of the enquiry', () => {
    // Mon 2 March → Tue 3, Wed 4, Thu 5, Fri 6, Mon 9.
    expect(deadlineAt('enquiry.contacted', contextWith('mainstream'), '2026-03-02')).toEqual({ dueOn: '2026-03-09', rule: 'initialVisit' });
  });

  test('initial visit booked: the same clock, across the spring bank holiday', () => {
    // Thu 21 May → Fri 22 (1), Mon 25 May skipped, Tue 26 (2), Wed 27 (3), Thu 28 (4), Fri 29 (5).
    expect(deadlineAt('enquiry.visitBooked', contextWith('mainstream'), '2026-05-21')).toEqual({ dueOn: '2026-05-29', rule: 'initialVisit' });
  });

  test.each([
    'application.submitted',
    'application.allocation',
    'assessment.stage1',
    'assessment.stage2',
    'assessment.readyForPanel',
    'panel.papersSent',
  ])('%s: panel recommendation 8 months from the application', (stage) => {
    const context = contextWith('mainstream', { applicationReceivedOn: '2026-01-15', panelOn: '2026-10-07' });
    expect(deadlineAt(stage, context)).toEqual({ dueOn: '2026-09-15', rule: 'panelRecommendation' });
  });

  test('8 months from 30 June is the last day of February', () => {
    const context = contextWith('mainstream', { applicationReceivedOn: '2026-06-30' });
    expect(deadlineAt('assessment.stage2', context)).toEqual({ dueOn: '2027-02-28', rule: 'panelRecommendation' });
  });

  test('on hold after the application: the 8-month clock keeps running (DOMAIN.md §10.5)', () => {
    const context = contextWith('mainstream', { applicationReceivedOn: '2026-01-15', heldFrom: 'assessment', heldOn: '2026-03-01' });
    expect(deadlineAt('onHold', context)).toEqual({ dueOn: '2026-09-15', rule: 'panelRecommendation' });
  });

  test('on hold before any application: no clock', () => {
    expect(deadlineAt('onHold', contextWith('mainstream', { heldFrom: 'enquiry', heldOn: '2026-04-03' }))).toBeNull();
  });

  test('panel booked: the papers, 5 working days before the panel, when they fall first', () => {
    // Panel Wed 6 January 2027: Tue 5 (1), Mon 4 (2), Fri 1 January skipped, Thu 31 (3), Wed 30 (4), Tue 29 December (5).
    // The 8-month clock from 30 June 2026 runs to 28 February 2027, later.
    const context = contextWith('mainstream', { applicationReceivedOn: '2026-06-30', panelOn: '2027-01-06' });
    expect(deadlineAt('panel.booked', context)).toEqual({ dueOn: '2026-12-29', rule: 'panelPapers' });
  });

  test('panel booked: the 8-month clock, when it falls first', () => {
    const context = contextWith('mainstream', { applicationReceivedOn: '2026-01-15', panelOn: '2026-10-07' });
    expect(deadlineAt('panel.booked', context)).toEqual({ dueOn: '2026-09-15', rule: 'panelRecommendation' });
  });

  test('awaiting the agency decision: 7 working days from the final minutes, over Christmas', () => {
    // Thu 17 December → Fri 18 (1), Mon 21 (2), Tue 22 (3), Wed 23 (4), Thu 24 (5), Fri 25 and Mon 28 skipped,
    // Tue 29 (6), Wed 30 (7).
    const context = contextWith('mainstream', { applicationReceivedOn: '2026-01-15', finalMinutesReceivedOn: '2026-12-17' });
    expect(deadlineAt('decision.awaitingAdm', context)).toEqual({ dueOn: '2026-12-30', rule: 'admDecision' });
  });

  test('proposed not to approve: 28 calendar days from the letter', () => {
    const context = contextWith('mainstream', { qdLetterOn: '2026-11-02' });
    expect(deadlineAt('decision.qdWindow', context)).toEqual({ dueOn: '2026-11-30', rule: 'qdWindow' });
  });

  test('kinship temporary approval: Regulation 24 ends 16 weeks after it starts', () => {
    const context = contextWith('kinship', { tempApprovalStartOn: '2026-06-01' });
    expect(deadlineAt('kinship.temporaryApproval', context)).toEqual({ dueOn: '2026-09-21', rule: 'reg24End' });
  });

  test('kinship extension: the Regulation 25 end date granted', () => {
    const context = contextWith('kinship', { tempApprovalStartOn: '2026-06-01', extensionGrantedOn: '2026-09-01', extensionEndsOn: '2026-11-16' });
    expect(deadlineAt('kinship.extension', context)).toEqual({ dueOn: '2026-11-16', rule: 'reg25ExtensionEnd' });
  });

  test('kinship at panel: temporary approval ending before the papers are due wins', () => {
    // Papers for Wed 7 October are due Wed 30 September; temporary approval ends Mon 21 September.
    const context = contextWith('kinship', { tempApprovalStartOn: '2026-06-01', panelOn: '2026-10-07' });
    expect(deadlineAt('panel.booked', context)).toEqual({ dueOn: '2026-09-21', rule: 'reg24End' });
  });

  test('kinship awaiting minutes: the extended temporary approval still runs', () => {
    const context = contextWith('kinship', { tempApprovalStartOn: '2026-06-01', extensionEndsOn: '2026-11-16' });
    expect(deadlineAt('decision.awaitingMinutes', context)).toEqual({ dueOn: '2026-11-16', rule: 'reg25ExtensionEnd' });
  });

  test('mainstream awaiting minutes: the recommendation is made, so no clock runs', () => {
    expect(deadlineAt('decision.awaitingMinutes', contextWith('mainstream', { applicationReceivedOn: '2026-01-15' }))).toBeNull();
  });

  test.each(['enquiry.visited', 'invited', 'kinship.referral', 'kinship.viability', 'kinship.fullAssessment', 'approved', 'closed'])(
    '%s: no clock from DOMAIN.md §2.4',
    (stage) => {
      const route: PipelineRoute = stage.startsWith('kinship') ? 'kinship' : 'mainstream';
      expect(deadlineAt(stage, contextWith(route, { applicationReceivedOn: route === 'mainstream' ? '2026-01-15' : null }))).toBeNull();
    },
  );

  test('a clock whose start is not known yet gives no date', () => {
    expect(deadlineAt('decision.awaitingAdm', contextWith('mainstream'))).toBeNull();
    expect(deadlineAt('kinship.temporaryApproval', contextWith('kinship'))).toBeNull();
  });

  test('every stage has an answer, even if it is "none"', () => {
    for (const stage of ALL_STAGES) {
      expect(() => deadlineAt(stage, contextWith(stage.startsWith('kinship') ? 'kinship' : 'mainstream'))).not.toThrow();
    }
  });
});

describe('deadlineFlag', () => {
  const panel: NextDeadline = { dueOn: '2026-04-14', rule: 'panelRecommendation' };

  test('overdue the day after the due date, and due soon on it', () => {
    expect(deadlineFlag(panel, '2026-04-15')).toBe('overdue');
    expect(deadlineFlag(panel, '2026-04-14')).toBe('dueSoon');
  });

  test('due soon within 5 working days, counting the Easter bank holidays out', () => {
    // From Tue 7 April: 8, 9, 10, 13, 14 April is 5 working days.
    expect(deadlineFlag(panel, '2026-04-07')).toBe('dueSoon');
    // From Easter Monday 6 April: 7, 8, 9, 10, 13, 14 April is 6.
    expect(deadlineFlag(panel, '2026-04-06')).toBeNull();
  });

  test('Regulation 24: alert from 10 weeks into temporary approval (6 weeks before its end)', () => {
    const reg24: NextDeadline = { dueOn: '2026-09-21', rule: 'reg24End' }; // started Monday 1 June
    expect(deadlineFlag(reg24, '2026-08-09')).toBeNull();
    expect(deadlineFlag(reg24, '2026-08-10')).toBe('dueSoon'); // 10 weeks
    expect(deadlineFlag(reg24, '2026-08-24')).toBe('dueSoon'); // 12 weeks, 4 weeks before the end
    expect(deadlineFlag(reg24, '2026-09-22')).toBe('overdue');
  });

  test('Regulation 25: alert 4 weeks before the extension ends', () => {
    const reg25: NextDeadline = { dueOn: '2026-11-16', rule: 'reg25ExtensionEnd' };
    expect(deadlineFlag(reg25, '2026-10-18')).toBeNull();
    expect(deadlineFlag(reg25, '2026-10-19')).toBe('dueSoon');
  });

  test('other clocks have no early alert', () => {
    expect(deadlineFlag({ dueOn: '2026-09-15', rule: 'panelRecommendation' }, '2026-08-10')).toBeNull();
  });

  test('latestFlaggableDueOn reaches the widest alert window, 6 weeks ahead', () => {
    expect(latestFlaggableDueOn('2026-08-10')).toBe('2026-09-21');
  });
});
