import { describe, expect, it } from 'vitest';
import { getCasePageForViewer } from '~/modules/households/case-page.server';
import { applyPipelineEvent } from '~/modules/pipeline/transition.server';
import type { Viewer } from '~/modules/auth/viewer';
import { createHousehold, createUser } from '../../support/factories';

async function derbyViewer(role: 'socialWorker' | 'fosteringManager'): Promise<Viewer> {
  const user = await createUser({ role, councilId: 'derby-city' });
  return { userId: user.id, name: user.name, email: user.email, sessionId: 'test-session', role, councilId: 'derby-city' };
}

describe('the Regulation 24 warning on the case page', () => {
  it('appears inside the warning window, from the temporary approval date the worker recorded', async () => {
    const worker = await derbyViewer('socialWorker');
    const manager = await derbyViewer('fosteringManager');
    const household = await createHousehold({ route: 'kinship', stage: 'kinship.referral', allocatedCouncilId: 'derby-city' });
    const keyedIn = { now: new Date('2026-04-07T09:00:00Z') };
    await applyPipelineEvent(worker, household.id, { type: 'VIABILITY_STARTED', occurredOn: '2026-01-02' }, keyedIn);
    await applyPipelineEvent(manager, household.id, { type: 'TEMPORARY_APPROVAL_GRANTED', occurredOn: '2026-01-06' }, keyedIn);

    // Tuesday 6 January 2026 + 16 weeks = Tuesday 28 April 2026; its window opens 6 weeks before, on 17 March.
    const early = await getCasePageForViewer(worker, household.id, { now: new Date('2026-03-16T12:00:00Z') });
    expect(early.temporaryApprovalWarning).toBeNull();

    const opened = await getCasePageForViewer(worker, household.id, { now: new Date('2026-03-17T12:00:00Z') });
    expect(opened.temporaryApprovalWarning).toEqual({ regulation: 24, endsOn: '2026-04-28', flag: 'dueSoon', calendarDaysLeft: 42 });

    const late = await getCasePageForViewer(worker, household.id, { now: new Date('2026-04-30T12:00:00Z') });
    expect(late.temporaryApprovalWarning).toEqual({ regulation: 24, endsOn: '2026-04-28', flag: 'overdue', calendarDaysLeft: -2 });
  });

  it('never appears on a mainstream case', async () => {
    const worker = await derbyViewer('socialWorker');
    const household = await createHousehold({ stage: 'assessment.stage1', allocatedCouncilId: 'derby-city' });

    const page = await getCasePageForViewer(worker, household.id, { now: new Date('2026-04-07T12:00:00Z') });

    expect(page.temporaryApprovalWarning).toBeNull();
  });
});
