import { describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { Forbidden, NotFound } from '~/lib/errors';
import { getCarerRecordForViewer, listApprovedHouseholdsForViewer } from '~/modules/carers/carers.server';
import { submitCarerForm } from '~/modules/carers/page.server';
import { endApprovalsDue } from '~/modules/carers/resignations.server';
import { createViewer } from '../../support/factories';
import { createApprovedHousehold, formOf } from './support';

// The approved household's record through the same entry point as the page (DOMAIN.md §4), on Monday 23 November
// 2026. Expected dates are counted by hand.
const TODAY = '2026-11-23';
const options = { today: TODAY };

async function versionOf(approvalId: string) {
  return (await prisma.approval.findUniqueOrThrow({ where: { id: approvalId }, select: { version: true } })).version;
}

describe('annual reviews', () => {
  it('the first review goes to panel; recording it sets the next due date a year after it was held', async () => {
    const worker = await createViewer('socialWorker', 'derby-city');
    // Approved 10 December 2025: first review due 10 December 2026.
    const { approvalId } = await createApprovedHousehold({ approvedOn: '2025-12-10' });
    const outcome = await submitCarerForm(worker, approvalId, formOf({ intent: 'review', version: '0', heldOn: '2026-11-20', outcome: 'continue', notes: 'Going well' }), options);
    expect(outcome).toEqual({ ok: true, done: 'review' });
    const reviews = await prisma.approvalReview.findMany({ where: { approvalId } });
    expect(reviews).toMatchObject([{ dueOn: '2026-12-10', heldOn: '2026-11-20', toPanel: true, outcome: 'continue', recordedById: worker.userId }]);
    const approval = await prisma.approval.findUniqueOrThrow({ where: { id: approvalId } });
    expect(approval).toMatchObject({ nextReviewDueOn: '2027-11-20', version: 1 });

    // The second review is due on 20 November 2027 and does not go to panel.
    await submitCarerForm(worker, approvalId, formOf({ intent: 'review', version: '1', heldOn: '2026-11-23', outcome: 'continue' }), options);
    const second = await prisma.approvalReview.findFirstOrThrow({ where: { approvalId, heldOn: '2026-11-23' } });
    expect(second).toMatchObject({ dueOn: '2027-11-20', toPanel: false });
    const audit = await prisma.auditEvent.findMany({ where: { entityId: approvalId, action: 'carers.reviewRecorded' } });
    expect(audit).toHaveLength(2);
  });

  it('refuses a review dated before approval, or in the future, and saves nothing', async () => {
    const worker = await createViewer('socialWorker', 'derby-city');
    const { approvalId } = await createApprovedHousehold({ approvedOn: '2026-03-02' });
    const early = await submitCarerForm(worker, approvalId, formOf({ intent: 'review', version: '0', heldOn: '2026-03-01', outcome: 'continue' }), options);
    expect(early).toMatchObject({ ok: false, status: 400, failure: { form: 'review', fieldErrors: { heldOn: 'The review date must be on or after the approval date, 2 March 2026' } } });
    const future = await submitCarerForm(worker, approvalId, formOf({ intent: 'review', version: '0', heldOn: '2026-11-24', outcome: 'continue' }), options);
    expect(future).toMatchObject({ ok: false, failure: { fieldErrors: { heldOn: 'The review date must be today or in the past' } } });
    const missing = await submitCarerForm(worker, approvalId, formOf({ intent: 'review', version: '0', heldOn: '2026-11-02' }), options);
    expect(missing).toMatchObject({ ok: false, failure: { fieldErrors: { outcome: 'Choose the outcome of the review' } } });
    expect(await prisma.approvalReview.count({ where: { approvalId } })).toBe(0);
    expect(await versionOf(approvalId)).toBe(0);
  });

  it('two workers at once: the first save wins, the second is told and nothing of it is written', async () => {
    const worker = await createViewer('socialWorker', 'derby-city');
    const manager = await createViewer('fosteringManager', 'derby-city');
    const { approvalId } = await createApprovedHousehold({ approvedOn: '2025-12-10' });
    // Both opened the page at version 0.
    const first = await submitCarerForm(worker, approvalId, formOf({ intent: 'review', version: '0', heldOn: '2026-11-20', outcome: 'continue' }), options);
    const second = await submitCarerForm(
      manager,
      approvalId,
      formOf({ intent: 'terms', version: '0', effectiveFrom: '2026-11-20', numberOfChildren: '3', minAge: '5', maxAge: '15', placementKinds: ['longTerm'], reason: 'Review' }),
      options,
    );
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, status: 409, failure: { form: 'terms', conflict: expect.stringContaining('This record changed while you were editing') } });
    expect(await prisma.approvalTerms.count({ where: { approvalId } })).toBe(1);
  });
});

describe('change of terms', () => {
  it('writes a new terms row with its reason and keeps the old one', async () => {
    const worker = await createViewer('socialWorker', 'derby-city');
    const { approvalId } = await createApprovedHousehold({ approvedOn: '2025-01-15' });
    const outcome = await submitCarerForm(
      worker,
      approvalId,
      formOf({
        intent: 'terms',
        version: '0',
        effectiveFrom: '2026-11-23',
        numberOfChildren: '1',
        minAge: '11',
        maxAge: '17',
        placementKinds: ['longTerm', 'shortBreaks'],
        specialisms: ['teenagers'],
        reason: 'Review recommended teenagers only',
      }),
      options,
    );
    expect(outcome).toEqual({ ok: true, done: 'terms' });
    const terms = await prisma.approvalTerms.findMany({ where: { approvalId }, orderBy: { effectiveFrom: 'asc' } });
    expect(terms).toHaveLength(2);
    expect(terms[1]).toMatchObject({
      effectiveFrom: '2026-11-23',
      numberOfChildren: 1,
      minAge: 11,
      maxAge: 17,
      placementKinds: 'longTerm,shortBreaks',
      specialisms: 'teenagers',
      reason: 'Review recommended teenagers only',
      createdById: worker.userId,
    });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: approvalId, action: 'carers.termsChanged' } });
    expect(audit.afterJson).not.toContain('teenagers only');
  });

  it('refuses an oldest age below the youngest, and no reason', async () => {
    const worker = await createViewer('socialWorker', 'derby-city');
    const { approvalId } = await createApprovedHousehold({ approvedOn: '2025-01-15' });
    const outcome = await submitCarerForm(
      worker,
      approvalId,
      formOf({ intent: 'terms', version: '0', effectiveFrom: '2026-11-23', numberOfChildren: '1', minAge: '12', maxAge: '4', placementKinds: ['longTerm'], reason: '' }),
      options,
    );
    expect(outcome).toMatchObject({
      ok: false,
      failure: { fieldErrors: { maxAge: 'The oldest age must be the same as or more than the youngest age', reason: 'Enter the reason for the change of terms' } },
    });
    expect(await prisma.approvalTerms.count({ where: { approvalId } })).toBe(1);
  });
});

describe('TSD, placements and Staying Put', () => {
  it('stores TSD due 12 months after approval, 18 for kinship, and the date met', async () => {
    const worker = await createViewer('socialWorker', 'derby-city');
    const mainstream = await createApprovedHousehold({ approvedOn: '2026-01-31' });
    const kinship = await createApprovedHousehold({ approvedOn: '2026-01-31', route: 'kinship' });
    const record = await getCarerRecordForViewer(worker, kinship.approvalId, TODAY);
    expect(record.approval).toMatchObject({ tsdDueOn: '2027-07-31', kinship: true });
    expect((await getCarerRecordForViewer(worker, mainstream.approvalId, TODAY)).approval.tsdDueOn).toBe('2027-01-31');
    await submitCarerForm(worker, mainstream.approvalId, formOf({ intent: 'tsd', version: '0', tsdMetOn: '2026-10-01' }), options);
    expect((await prisma.approval.findUniqueOrThrow({ where: { id: mainstream.approvalId } })).tsdMetOn).toBe('2026-10-01');
  });

  it('adds placements within the terms and Staying Put arrangements, counted apart', async () => {
    const worker = await createViewer('socialWorker', 'derby-city');
    const { approvalId, householdId } = await createApprovedHousehold({ approvedOn: '2025-01-15' });
    const tooMany = await submitCarerForm(worker, approvalId, formOf({ intent: 'placement', version: '0', startOn: '2025-03-01', numberOfChildren: '3' }), options);
    expect(tooMany).toMatchObject({ ok: false, failure: { fieldErrors: { numberOfChildren: 'This household is approved for 2 children at a time' } } });
    const placed = await submitCarerForm(worker, approvalId, formOf({ intent: 'placement', version: '0', startOn: '2025-03-01', endOn: '2025-09-30', numberOfChildren: '2' }), options);
    expect(placed.ok).toBe(true);
    const stayingPut = await submitCarerForm(worker, approvalId, formOf({ intent: 'stayingPut', version: '1', youngPersonReference: 'DY-YP-7', startOn: '2026-06-01' }), options);
    expect(stayingPut.ok).toBe(true);
    expect(await prisma.placementSummary.findMany({ where: { approvalId }, select: { startOn: true, endOn: true, numberOfChildren: true } })).toEqual([
      { startOn: '2025-03-01', endOn: '2025-09-30', numberOfChildren: 2 },
    ]);
    expect(await prisma.stayingPutArrangement.findMany({ where: { householdId }, select: { youngPersonReference: true, startOn: true, endOn: true } })).toEqual([
      { youngPersonReference: 'DY-YP-7', startOn: '2026-06-01', endOn: null },
    ]);
  });
});

describe('ending a placement and a Staying Put arrangement', () => {
  it('records the end date of a continuing one, not before its start', async () => {
    const worker = await createViewer('socialWorker', 'derby-city');
    const { approvalId, householdId } = await createApprovedHousehold({ approvedOn: '2025-01-15' });
    await submitCarerForm(worker, approvalId, formOf({ intent: 'placement', version: '0', startOn: '2025-03-01', numberOfChildren: '1' }), options);
    await submitCarerForm(worker, approvalId, formOf({ intent: 'stayingPut', version: '1', youngPersonReference: 'DY-YP-9', startOn: '2026-02-01' }), options);
    const placement = await prisma.placementSummary.findFirstOrThrow({ where: { approvalId } });
    const arrangement = await prisma.stayingPutArrangement.findFirstOrThrow({ where: { householdId } });
    const early = await submitCarerForm(worker, approvalId, formOf({ intent: 'endPlacement', version: '2', placementId: placement.id, endOn: '2025-02-28' }), options);
    expect(early).toMatchObject({ ok: false, failure: { fieldErrors: { endOn: 'The end date must be on or after the start, 1 March 2025' } } });
    expect(await submitCarerForm(worker, approvalId, formOf({ intent: 'endPlacement', version: '2', placementId: placement.id, endOn: '2026-01-31' }), options)).toEqual({
      ok: true,
      done: 'endPlacement',
    });
    expect(await submitCarerForm(worker, approvalId, formOf({ intent: 'endStayingPut', version: '3', stayingPutId: arrangement.id, endOn: '2026-11-01' }), options)).toEqual({
      ok: true,
      done: 'endStayingPut',
    });
    expect((await prisma.placementSummary.findUniqueOrThrow({ where: { id: placement.id } })).endOn).toBe('2026-01-31');
    expect((await prisma.stayingPutArrangement.findUniqueOrThrow({ where: { id: arrangement.id } })).endOn).toBe('2026-11-01');
    // Already ended: it cannot be ended again.
    const again = await submitCarerForm(worker, approvalId, formOf({ intent: 'endPlacement', version: '4', placementId: placement.id, endOn: '2026-02-01' }), options);
    expect(again).toMatchObject({ ok: false, failure: { fieldErrors: { placementId: 'Choose a continuing placement of this household' } } });
  });
});

describe('resignation and council endings', () => {
  it('a carer gives notice: approval ends 28 days later, stays active until then, then leaves the active list', async () => {
    const worker = await createViewer('socialWorker', 'derby-city');
    const { approvalId } = await createApprovedHousehold({ approvedOn: '2020-05-01' });
    const outcome = await submitCarerForm(
      worker,
      approvalId,
      formOf({ intent: 'notice', version: '0', noticeReceivedOn: '2026-11-23', primaryReason: 'LACK_OF_SUPPORT', details: 'Wanted more respite' }),
      options,
    );
    expect(outcome).toEqual({ ok: true, done: 'notice' });
    expect(await prisma.deregistration.findUniqueOrThrow({ where: { approvalId } })).toMatchObject({
      noticeReceivedOn: '2026-11-23',
      effectiveOn: '2026-12-21',
      primaryReason: 'LACK_OF_SUPPORT',
      reasonGroup: 'resigned',
      endedBy: 'carer',
      details: 'Wanted more respite',
    });
    expect(await prisma.approval.findUniqueOrThrow({ where: { id: approvalId } })).toMatchObject({ status: 'active', endedOn: null });

    // The day before the effective date nothing changes; on it, the approval ends and the record stays.
    expect(await endApprovalsDue('2026-12-20')).toBe(0);
    await endApprovalsDue('2026-12-21');
    expect(await prisma.approval.findUniqueOrThrow({ where: { id: approvalId } })).toMatchObject({ status: 'ended', endedOn: '2026-12-21', nextReviewDueOn: null });
    const list = await listApprovedHouseholdsForViewer(worker, { today: '2026-12-21' });
    expect(list.households.map((row) => row.id)).not.toContain(approvalId);
    expect((await getCarerRecordForViewer(worker, approvalId, '2026-12-21')).ending).toMatchObject({ effectiveOn: '2026-12-21' });
  });

  it('a satellite household leaves its Mockingbird constellation on the day its approval ends; the others stay', async () => {
    const worker = await createViewer('socialWorker', 'derby-city');
    const leaving = await createApprovedHousehold({ approvedOn: '2021-03-01' });
    const staying = await createApprovedHousehold({ approvedOn: '2021-03-01' });
    const constellation = await prisma.constellation.create({ data: { councilId: 'derby-city', name: 'Normanton', launchedOn: '2022-01-10' } });
    for (const household of [leaving, staying]) {
      await prisma.constellationMembership.create({
        data: { constellationId: constellation.id, householdId: household.householdId, role: 'satellite', joinedOn: '2022-02-01' },
      });
    }
    await submitCarerForm(worker, leaving.approvalId, formOf({ intent: 'notice', version: '0', noticeReceivedOn: '2026-11-23', primaryReason: 'HEALTH' }), options);
    const membershipOf = (householdId: string) => prisma.constellationMembership.findFirstOrThrow({ where: { householdId } });
    // Still a member while the notice runs; gone on 21 December 2026, 28 days after it.
    expect(await membershipOf(leaving.householdId)).toMatchObject({ leftOn: null });
    await endApprovalsDue('2026-12-21');
    expect(await membershipOf(leaving.householdId)).toMatchObject({ leftOn: '2026-12-21', leftReason: 'Approval ended' });
    expect(await membershipOf(staying.householdId)).toMatchObject({ leftOn: null });
  });

  it('refuses a notice without a reason, before approval or more than 3 months ahead, and saves nothing', async () => {
    const worker = await createViewer('socialWorker', 'derby-city');
    const { approvalId } = await createApprovedHousehold({ approvedOn: '2024-05-01' });
    const noReason = await submitCarerForm(worker, approvalId, formOf({ intent: 'notice', version: '0', noticeReceivedOn: '2026-11-23' }), options);
    expect(noReason).toMatchObject({ ok: false, status: 400, failure: { fieldErrors: { primaryReason: 'Choose the main reason for leaving' } } });
    // 23 November 2026 + 3 months = 23 February 2027: the 24th is too far ahead.
    const farAhead = await submitCarerForm(worker, approvalId, formOf({ intent: 'notice', version: '0', noticeReceivedOn: '2027-02-24', primaryReason: 'HEALTH' }), options);
    expect(farAhead).toMatchObject({ ok: false, failure: { fieldErrors: { noticeReceivedOn: 'The notice date must be no later than 23 February 2027, 3 months from today' } } });
    const beforeApproval = await submitCarerForm(worker, approvalId, formOf({ intent: 'notice', version: '0', noticeReceivedOn: '2024-04-30', primaryReason: 'HEALTH' }), options);
    expect(beforeApproval).toMatchObject({ ok: false, failure: { fieldErrors: { noticeReceivedOn: 'The notice date must be on or after the approval date, 1 May 2024' } } });
    expect(await prisma.deregistration.count({ where: { approvalId } })).toBe(0);
    expect(await versionOf(approvalId)).toBe(0);
  });

  it('the council ends approval after a review proposing it, not before the 28-day window closes', async () => {
    const worker = await createViewer('socialWorker', 'derby-city');
    const adm = await createViewer('decisionMaker', 'derby-city');
    const { approvalId } = await createApprovedHousehold({ approvedOn: '2023-01-10' });
    await submitCarerForm(worker, approvalId, formOf({ intent: 'review', version: '0', heldOn: '2026-10-01', outcome: 'terminate' }), options);
    const review = await prisma.approvalReview.findFirstOrThrow({ where: { approvalId } });
    const base = { intent: 'councilEnding', version: '1', primaryReason: 'TERMINATED_BY_SERVICE', qdLetterOn: '2026-10-05', councilRoute: 'noResponse' };

    // Ending approval is the decision maker's (or the manager's), not the supervising worker's.
    await expect(submitCarerForm(worker, approvalId, formOf({ ...base, reviewId: review.id, effectiveOn: '2026-11-02' }), options)).rejects.toThrow(Forbidden);
    expect(await prisma.deregistration.count({ where: { approvalId } })).toBe(0);

    // Letter 5 October + 28 days = 2 November; the 1st is too soon.
    const tooSoon = await submitCarerForm(adm, approvalId, formOf({ ...base, reviewId: review.id, effectiveOn: '2026-11-01' }), options);
    expect(tooSoon).toMatchObject({
      ok: false,
      failure: { fieldErrors: { effectiveOn: 'Approval cannot end before 2 November 2026, when the 28-day window for representations or an IRM application closes' } },
    });
    const noReview = await submitCarerForm(adm, approvalId, formOf({ ...base, effectiveOn: '2026-11-02' }), options);
    expect(noReview).toMatchObject({ ok: false, failure: { fieldErrors: { reviewId: 'Choose the review that proposed ending approval' } } });

    const ended = await submitCarerForm(adm, approvalId, formOf({ ...base, reviewId: review.id, effectiveOn: '2026-11-02' }), options);
    expect(ended).toEqual({ ok: true, done: 'councilEnding' });
    expect(await prisma.deregistration.findUniqueOrThrow({ where: { approvalId } })).toMatchObject({
      endedBy: 'council',
      reviewId: review.id,
      qdLetterOn: '2026-10-05',
      councilRoute: 'noResponse',
      reasonGroup: 'otherEnding',
      effectiveOn: '2026-11-02',
    });
    // Already past, so the approval ends at once.
    expect(await prisma.approval.findUniqueOrThrow({ where: { id: approvalId } })).toMatchObject({ status: 'ended', endedOn: '2026-11-02' });
  });

  it('records the exit interview: offered, then completed with its answers', async () => {
    const worker = await createViewer('socialWorker', 'derby-city');
    const { approvalId } = await createApprovedHousehold({ approvedOn: '2021-05-01' });
    await submitCarerForm(worker, approvalId, formOf({ intent: 'notice', version: '0', noticeReceivedOn: '2026-11-10', primaryReason: 'RETIREMENT_AGE' }), options);
    const incomplete = await submitCarerForm(worker, approvalId, formOf({ intent: 'exitInterview', version: '1', exitInterview: 'completed' }), options);
    expect(incomplete).toMatchObject({ ok: false, failure: { fieldErrors: { heldOn: 'Enter the date of the exit interview', reasons: 'Choose at least one reason they gave for leaving' } } });
    const completed = await submitCarerForm(
      worker,
      approvalId,
      formOf({ intent: 'exitInterview', version: '1', exitInterview: 'completed', heldOn: '2026-11-20', reasons: ['RETIREMENT_AGE', 'HEALTH'], wouldReturn: 'no', wouldRecommend: 'yes' }),
      options,
    );
    expect(completed.ok).toBe(true);
    const row = await prisma.deregistration.findUniqueOrThrow({ where: { approvalId } });
    expect(row.exitInterview).toBe('completed');
    expect(JSON.parse(row.exitInterviewJson ?? 'null')).toEqual({ heldOn: '2026-11-20', reasons: ['RETIREMENT_AGE', 'HEALTH'], wouldReturn: false, wouldRecommend: true, comments: null });
  });
});

describe('lists', () => {
  it('lists reviews overdue or due within 28 days for the council only', async () => {
    const manager = await createViewer('fosteringManager', 'derbyshire');
    // Approved 1 December 2025: first review due 1 December 2026, 8 days from today.
    const dueSoon = await createApprovedHousehold({ councilId: 'derbyshire', approvedOn: '2025-12-01' });
    // Approved 1 November 2025: due 1 November 2026, overdue.
    const overdue = await createApprovedHousehold({ councilId: 'derbyshire', approvedOn: '2025-11-01' });
    // Approved 22 December 2025: due 22 December 2026, 29 days away.
    const later = await createApprovedHousehold({ councilId: 'derbyshire', approvedOn: '2025-12-22' });
    const elsewhere = await createApprovedHousehold({ councilId: 'nottinghamshire', approvedOn: '2025-12-01' });
    const list = await listApprovedHouseholdsForViewer(manager, { today: TODAY });
    const due = list.reviewsDue.map((row) => [row.id, row.reviewState]);
    expect(due).toContainEqual([dueSoon.approvalId, 'dueSoon']);
    expect(due).toContainEqual([overdue.approvalId, 'overdue']);
    expect(due.map(([id]) => id)).not.toContain(later.approvalId);
    expect(list.households.map((row) => row.id)).not.toContain(elsewhere.approvalId);
    await expect(getCarerRecordForViewer(manager, elsewhere.approvalId, TODAY)).rejects.toThrow(NotFound);
  });
});
