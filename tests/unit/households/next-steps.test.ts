import { describe, expect, it } from 'vitest';
import { applicantNextStep } from '~/modules/households/next-steps';
import { STAGE_GROUPS } from '~/modules/pipeline/stages';

describe('applicantNextStep', () => {
  it.each(STAGE_GROUPS.map((group) => [group.id, group.stages[0]]))('has its own sentence for the %s part of the pipeline', (_group, stage) => {
    expect(applicantNextStep(stage)).not.toBe('We will contact you about the next step.');
  });

  it('tells someone at panel what to expect', () => {
    expect(applicantNextStep('panel.booked')).toBe(
      'Your assessment will go to the fostering panel, and your social worker will tell you the date.',
    );
  });
});
