import { describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import type { Viewer } from '~/modules/auth/viewer';
import { getCarerRecordForViewer } from '~/modules/carers/carers.server';
import type { PipelineEvent, PipelineEventType } from '~/modules/pipeline/events';
import { buildEventsToStage } from '~/modules/pipeline/snapshots';
import { applyPipelineEvent } from '~/modules/pipeline/transition.server';
import { createHousehold, createViewer } from '../../support/factories';

const NOW = new Date('2027-01-04T12:00:00Z');
const TODAY = '2027-01-04';

async function kinshipHousehold(email: string) {
  const household = await createHousehold({ route: 'kinship', stage: 'kinship.referral', allocatedCouncilId: 'derby-city', email });
  await prisma.person.create({ data: { householdId: household.id, role: 'applicant', firstName: 'Joy', lastName: 'Mensah', email } });
  return household.id;
}

/** Every event through the real pipeline writer, each by the role DOMAIN.md gives it; then the carer record. */
async function approveThroughPipeline(householdId: string, events: PipelineEvent[], worker: Viewer) {
  const actors: Partial<Record<PipelineEventType, Viewer>> = {
    TEMPORARY_APPROVAL_GRANTED: await createViewer('fosteringManager', 'derby-city'),
    EXTENSION_GRANTED: await createViewer('fosteringManager', 'derby-city'),
    PANEL_BOOKED: await createViewer('panelAdviser', 'derby-city'),
    APPROVE: await createViewer('decisionMaker', 'derby-city'),
  };
  actors.PAPERS_SENT = actors.PANEL_BOOKED;
  actors.PANEL_RECOMMENDED = actors.PANEL_BOOKED;
  actors.FINAL_MINUTES_RECEIVED = actors.PANEL_BOOKED;
  for (const event of events) await applyPipelineEvent(actors[event.type] ?? worker, householdId, event, { now: NOW });
  const approval = await prisma.approval.findFirstOrThrow({ where: { householdId }, select: { id: true } });
  return getCarerRecordForViewer(worker, approval.id, TODAY);
}

describe('a kinship household’s temporary approval on its approved record', () => {
  it('carries Reg 24 and the Reg 25 extension over, with the clocks running from full approval', async () => {
    const worker = await createViewer('socialWorker', 'derby-city');
    const householdId = await kinshipHousehold('joy.mensah@example.test');
    const events = buildEventsToStage({
      route: 'kinship',
      stage: 'approved',
      dates: ['2026-05-18', '2026-06-01', '2026-09-07', '2026-09-15', '2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16'],
      councilId: 'derby-city',
    });
    expect(events.map((event) => event.type)).toEqual([
      'VIABILITY_STARTED', 'TEMPORARY_APPROVAL_GRANTED', 'CONNECTED_PERSON_REPORT_COMPLETED', 'PANEL_BOOKED', 'PAPERS_SENT',
      'PANEL_RECOMMENDED', 'FINAL_MINUTES_RECEIVED', 'APPROVE',
    ]);
    // Extended on Mon 14 Sep 2026, the week before Reg 24 ends, by the full 8 weeks.
    events.splice(3, 0, { type: 'EXTENSION_GRANTED', occurredOn: '2026-09-14', extensionEndsOn: '2026-11-16' });

    const record = await approveThroughPipeline(householdId, events, worker);

    // Reg 24: Mon 1 Jun 2026 + 112 days (29 to 30 Jun, 31 to 31 Jul, 31 to 31 Aug, 21 more) → Mon 21 Sep 2026.
    // ADM approval Mon 16 Nov 2026 is the extension's last day, so still in time.
    expect(record.approval.temporaryApproval).toEqual({
      startOn: '2026-06-01',
      reg24EndOn: '2026-09-21',
      extensionEndOn: '2026-11-16',
      lastDayOn: '2026-11-16',
      approvedBeforeLapse: true,
    });
    // From full approval Mon 16 Nov 2026: first review +12 months → Tue 16 Nov 2027; kinship TSD +18 months → Tue 16 May 2028.
    expect(record.approval).toMatchObject({ approvedOn: '2026-11-16', kinship: true, tsdDueOn: '2028-05-16' });
    expect(record.review).toMatchObject({ nextDueOn: '2027-11-16', nextGoesToPanel: true });
  });

  it('warns when the ADM approval came after the temporary approval lapsed over Christmas', async () => {
    const worker = await createViewer('socialWorker', 'derby-city');
    const householdId = await kinshipHousehold('kofi.mensah@example.test');
    const events = buildEventsToStage({
      route: 'kinship',
      stage: 'approved',
      dates: ['2026-08-24', '2026-09-04', '2026-11-30', '2026-12-01', '2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28'],
      councilId: 'derby-city',
    });

    const record = await approveThroughPipeline(householdId, events, worker);

    // Reg 24: Fri 4 Sep 2026 + 112 days (26 to 30 Sep, 31 to 31 Oct, 30 to 30 Nov, 25 more) → Fri 25 Dec 2026, a bank
    // holiday, kept as is: weeks are not working days. No extension; approval on Mon 28 Dec (a holiday too) is too late.
    expect(record.approval.temporaryApproval).toEqual({
      startOn: '2026-09-04',
      reg24EndOn: '2026-12-25',
      extensionEndOn: null,
      lastDayOn: '2026-12-25',
      approvedBeforeLapse: false,
    });
    // Mon 28 Dec 2026 + 12 months → Tue 28 Dec 2027; + 18 months → Wed 28 Jun 2028.
    expect(record.approval.tsdDueOn).toBe('2028-06-28');
    expect(record.review.nextDueOn).toBe('2027-12-28');
  });
});
