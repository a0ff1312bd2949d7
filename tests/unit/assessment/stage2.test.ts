import { describe, expect, it } from 'vitest';
import { isStage2Editable, skillsToFosterSchema, stage2DetailsSchema, stage2SessionSchema } from '~/modules/assessment/stage2';

const TODAY = '2026-04-07';

const date = (name: string, day: string, month: string, year: string) => ({ [name]: { day, month, year } });

describe('isStage2Editable', () => {
  it('is open in Stage 2, and in Stage 1 only once Stage 2 has started alongside it', () => {
    expect(isStage2Editable('assessment.stage2', null)).toBe(true);
    expect(isStage2Editable('assessment.stage1', '2026-03-01')).toBe(true);
    expect(isStage2Editable('assessment.stage1', null)).toBe(false);
  });

  it('is closed once the assessment is complete and afterwards', () => {
    for (const stage of ['assessment.readyForPanel', 'panel.booked', 'decision.awaitingAdm', 'approved', 'closed']) {
      expect(isStage2Editable(stage, '2026-03-01')).toBe(false);
    }
  });
});

describe('stage2DetailsSchema', () => {
  it('treats an empty assessor and buddy as none', () => {
    expect(stage2DetailsSchema.parse({ version: '2', assessorId: '', peerBuddy: '  ' })).toEqual({ version: 2, assessorId: null, peerBuddy: null });
  });

  it('refuses a buddy longer than 200 characters', () => {
    const result = stage2DetailsSchema.safeParse({ version: '0', peerBuddy: 'x'.repeat(201) });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('The peer support buddy must be 200 characters or fewer');
  });
});

describe('stage2SessionSchema', () => {
  const schema = stage2SessionSchema(TODAY);

  it('accepts a held session today with a note', () => {
    expect(schema.parse({ version: '1', ...date('sessionOn', '7', '4', '2026'), status: 'held', note: 'Home visit' })).toEqual({
      version: 1,
      sessionOn: '2026-04-07',
      status: 'held',
      note: 'Home visit',
    });
  });

  it('refuses a held session tomorrow but accepts a cancelled one', () => {
    const held = schema.safeParse({ version: '1', ...date('sessionOn', '8', '4', '2026'), status: 'held' });
    expect(held.success).toBe(false);
    expect(held.error?.issues).toEqual([
      expect.objectContaining({ path: ['sessionOn'], message: 'The date of a session that was held must be today or in the past' }),
    ]);
    expect(schema.parse({ version: '1', ...date('sessionOn', '8', '4', '2026'), status: 'cancelled' }).sessionOn).toBe('2026-04-08');
  });

  it('asks for the date and whether it was held', () => {
    const result = schema.safeParse({ version: '0' });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['sessionOn', 'Enter the date of the session'],
      ['status', 'Choose whether the session was held or cancelled'],
    ]);
  });
});

describe('skillsToFosterSchema', () => {
  const schema = skillsToFosterSchema(TODAY);
  const base = { version: '0', ...date('courseStartOn', '10', '3', '2026') };

  it('records an attended course completed after it began', () => {
    expect(schema.parse({ ...base, attended: 'yes', ...date('completedOn', '21', '3', '2026') })).toEqual({
      version: 0,
      courseStartOn: '2026-03-10',
      attended: true,
      completedOn: '2026-03-21',
    });
  });

  it('leaves the completion date empty when none is typed', () => {
    expect(schema.parse({ ...base, attended: 'no', ...date('completedOn', '', '', '') }).completedOn).toBeNull();
  });

  it.each([
    ['no', '21', 'Leave the completion date empty if they did not attend the course'],
    ['yes', '9', 'The date the course was completed must be on or after the date it starts'],
  ])('refuses a completion date when attended is %s and it is on day %s of March', (attended, day, message) => {
    const result = schema.safeParse({ ...base, attended, ...date('completedOn', day, '3', '2026') });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['completedOn'], message })]);
  });

  it('refuses a completion date in the future and one that is not a real date', () => {
    const future = schema.safeParse({ ...base, attended: 'yes', ...date('completedOn', '8', '4', '2026') });
    expect(future.error?.issues[0]?.message).toBe('The date the course was completed must be today or in the past');
    const unreal = schema.safeParse({ ...base, attended: 'yes', ...date('completedOn', '31', '2', '2026') });
    expect(unreal.error?.issues[0]?.message).toBe('The date the course was completed must be a real date');
  });
});
