import { describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { Forbidden, NotFound, ValidationFailed } from '~/lib/errors';
import { householdScope } from '~/modules/auth/access.server';
import { getCasePageForViewer } from '~/modules/households/case-page.server';
import { getPanelAgenda, listPanelsForViewer, setPanelMembers } from '~/modules/panels/panels.server';
import { applyPipelineEvent } from '~/modules/pipeline/transition.server';
import { createHousehold, createUser, createViewer } from '../../support/factories';

// The database is shared by the whole file: every test makes its own panel dates and households.

/** Keyed in after every date the tests use, so no event is in the future. */
const NOW = new Date('2026-10-01T09:30:00Z');
const APPROVAL_TERMS = { approvalType: 'mainstream', numberOfChildren: 2, minAge: 0, maxAge: 10, placementKinds: ['longTerm'] };

async function itemsOf(householdId: string) {
  return prisma.panelItem.findMany({
    where: { householdId },
    select: {
      recommendation: true,
      recommendedOn: true,
      decision: true,
      decidedOn: true,
      panel: { select: { councilId: true, panelOn: true } },
    },
    orderBy: { panel: { panelOn: 'asc' } },
  });
}

describe('the pipeline writer keeps the panel agenda', () => {
  it('puts a booked case on its council’s panel for that date, sharing the panel with other cases that day', async () => {
    const adviser = await createViewer('panelAdviser', 'derby-city');
    const first = await createHousehold({ allocatedCouncilId: 'derby-city', stage: 'assessment.readyForPanel' });
    const second = await createHousehold({ allocatedCouncilId: 'derby-city', stage: 'assessment.readyForPanel' });

    await applyPipelineEvent(adviser, first.id, { type: 'PANEL_BOOKED', occurredOn: '2026-06-01', panelOn: '2026-06-24' }, { now: NOW });
    await applyPipelineEvent(adviser, second.id, { type: 'PANEL_BOOKED', occurredOn: '2026-06-02', panelOn: '2026-06-24' }, { now: NOW });

    const panels = await prisma.panel.findMany({
      where: { panelOn: '2026-06-24' },
      select: { councilId: true, status: true, items: { select: { householdId: true } } },
    });
    expect(panels).toHaveLength(1);
    expect(panels[0].councilId).toBe('derby-city');
    expect(panels[0].status).toBe('scheduled');
    expect(panels[0].items.map((item) => item.householdId).sort()).toEqual([first.id, second.id].sort());
  });

  it('records the recommendation and the agency decision against the panel date', async () => {
    const adviser = await createViewer('panelAdviser', 'derby-city');
    const decisionMaker = await createViewer('decisionMaker', 'derby-city');
    const household = await createHousehold({ allocatedCouncilId: 'derby-city', stage: 'assessment.readyForPanel' });
    const send = (viewer: typeof adviser, event: Record<string, unknown>) => applyPipelineEvent(viewer, household.id, event, { now: NOW });

    await send(adviser, { type: 'PANEL_BOOKED', occurredOn: '2026-07-01', panelOn: '2026-07-22' });
    expect(await itemsOf(household.id)).toEqual([
      { recommendation: null, recommendedOn: null, decision: null, decidedOn: null, panel: { councilId: 'derby-city', panelOn: '2026-07-22' } },
    ]);

    await send(adviser, { type: 'PAPERS_SENT', occurredOn: '2026-07-14' });
    await send(adviser, { type: 'PANEL_RECOMMENDED', occurredOn: '2026-07-22', recommendation: 'approve' });
    await send(adviser, { type: 'FINAL_MINUTES_RECEIVED', occurredOn: '2026-07-29' });
    await send(decisionMaker, { type: 'APPROVE', occurredOn: '2026-08-04', terms: APPROVAL_TERMS });

    expect(await itemsOf(household.id)).toEqual([
      {
        recommendation: 'approve',
        recommendedOn: '2026-07-22',
        decision: 'approved',
        decidedOn: '2026-08-04',
        panel: { councilId: 'derby-city', panelOn: '2026-07-22' },
      },
    ]);
  });

  it('marks a deferred item and puts the case on the later panel', async () => {
    const adviser = await createViewer('panelAdviser', 'derby-city');
    const household = await createHousehold({ allocatedCouncilId: 'derby-city', stage: 'assessment.readyForPanel' });
    const send = (event: Record<string, unknown>) => applyPipelineEvent(adviser, household.id, event, { now: NOW });

    await send({ type: 'PANEL_BOOKED', occurredOn: '2026-05-01', panelOn: '2026-05-20' });
    await send({ type: 'PAPERS_SENT', occurredOn: '2026-05-12' });
    await send({ type: 'PANEL_DEFERRED', occurredOn: '2026-05-20', nextPanelOn: '2026-06-17', reason: 'Medical report not back' });

    expect(await itemsOf(household.id)).toEqual([
      {
        recommendation: 'deferred',
        recommendedOn: '2026-05-20',
        decision: null,
        decidedOn: null,
        panel: { councilId: 'derby-city', panelOn: '2026-05-20' },
      },
      { recommendation: null, recommendedOn: null, decision: null, decidedOn: null, panel: { councilId: 'derby-city', panelOn: '2026-06-17' } },
    ]);
  });

  it('records a proposal not to approve as the decision', async () => {
    const adviser = await createViewer('panelAdviser', 'derby-city');
    const decisionMaker = await createViewer('decisionMaker', 'derby-city');
    const household = await createHousehold({ allocatedCouncilId: 'derby-city', stage: 'assessment.readyForPanel' });
    const send = (viewer: typeof adviser, event: Record<string, unknown>) => applyPipelineEvent(viewer, household.id, event, { now: NOW });

    await send(adviser, { type: 'PANEL_BOOKED', occurredOn: '2026-08-03', panelOn: '2026-08-19' });
    await send(adviser, { type: 'PAPERS_SENT', occurredOn: '2026-08-11' });
    await send(adviser, { type: 'PANEL_RECOMMENDED', occurredOn: '2026-08-19', recommendation: 'notApprove' });
    await send(adviser, { type: 'FINAL_MINUTES_RECEIVED', occurredOn: '2026-08-24' });
    await send(decisionMaker, { type: 'PROPOSE_NOT_TO_APPROVE', occurredOn: '2026-08-26', letterOn: '2026-08-26', reason: 'Not enough space at home' });

    const [item] = await itemsOf(household.id);
    expect(item).toMatchObject({ recommendation: 'notApprove', recommendedOn: '2026-08-19', decision: 'proposedNotToApprove', decidedOn: '2026-08-26' });
  });
});

describe('who sees a panel', () => {
  async function panelWithCase(councilId: string, panelOn: string, displayName: string) {
    const household = await createHousehold({ councilId, allocatedCouncilId: councilId, stage: 'panel.booked', displayName });
    const panel = await prisma.panel.create({ data: { councilId, panelOn, items: { create: { householdId: household.id } } } });
    return { household, panel };
  }

  it('shows the agenda to the council’s staff and to the panel’s members, and to nobody else', async () => {
    const { household, panel } = await panelWithCase('derby-city', '2026-11-04', 'Adeyemi household');
    const member = await createViewer('panelMember', 'derby-city');
    await prisma.panelMember.create({ data: { panelId: panel.id, userId: member.userId } });

    const agenda = await getPanelAgenda(await createViewer('socialWorker', 'derby-city'), panel.id);
    expect(agenda.panel).toEqual({ id: panel.id, panelOn: '2026-11-04', status: 'scheduled', councilName: 'Derby City Council' });
    expect(agenda.items).toEqual([
      {
        id: expect.any(String),
        householdId: household.id,
        reference: household.reference,
        displayName: 'Adeyemi household',
        stageLabel: 'Panel date booked',
        recommendation: null,
        recommendedOn: null,
        decision: null,
        decidedOn: null,
      },
    ]);
    expect(agenda.mayManageMembers).toBe(false);
    expect((await getPanelAgenda(member, panel.id)).items.map((item) => item.householdId)).toEqual([household.id]);

    await expect(getPanelAgenda(await createViewer('panelAdviser', 'nottinghamshire'), panel.id)).rejects.toThrow(NotFound);
    await expect(getPanelAgenda(await createViewer('mockingbirdLiaison', 'derby-city'), panel.id)).rejects.toThrow(NotFound);
    await expect(getPanelAgenda(await createViewer('panelMember', 'derby-city'), panel.id)).rejects.toThrow(NotFound);
    await expect(getPanelAgenda(await createViewer('hubManager'), panel.id)).rejects.toThrow(NotFound);
  });

  it('lists the council’s panels for its staff and only their own panels for a panel member', async () => {
    const sitsOn = await panelWithCase('nottingham-city', '2027-01-13', 'Brown household');
    await panelWithCase('nottingham-city', '2027-02-10', 'Clarke household');
    await panelWithCase('derbyshire', '2027-01-20', 'Davies household');
    const member = await createViewer('panelMember', 'nottingham-city');
    await prisma.panelMember.create({ data: { panelId: sitsOn.panel.id, userId: member.userId } });

    const forStaff = await listPanelsForViewer(await createViewer('fosteringManager', 'nottingham-city'), { from: '2027-01-01' });
    expect(forStaff.map((panel) => [panel.panelOn, panel.councilName, panel.itemCount])).toEqual([
      ['2027-01-13', 'Nottingham City Council', 1],
      ['2027-02-10', 'Nottingham City Council', 1],
    ]);
    expect((await listPanelsForViewer(member, { from: '2027-01-01' })).map((panel) => panel.id)).toEqual([sitsOn.panel.id]);
    await expect(listPanelsForViewer(await createViewer('mockingbirdLiaison', 'nottingham-city'))).rejects.toThrow(Forbidden);
  });

  it('lets a panel member read only the cases on their panels, read-only', async () => {
    const onPanel = await panelWithCase('derbyshire', '2026-12-09', 'Evans household');
    const elsewhere = await createHousehold({ councilId: 'derbyshire', allocatedCouncilId: 'derbyshire', stage: 'panel.booked' });
    const member = await createViewer('panelMember', 'derbyshire');
    await prisma.panelMember.create({ data: { panelId: onPanel.panel.id, userId: member.userId } });

    const visible = await prisma.household.findMany({ where: householdScope(member), select: { id: true } });
    expect(visible).toEqual([{ id: onPanel.household.id }]);

    const page = await getCasePageForViewer(member, onPanel.household.id);
    expect(page.view).toBe('summary');
    expect(page.events).toEqual([]);
    expect(page.permissions).toEqual({ casework: false, assignWorker: false, restrictedNotes: false });
    await expect(getCasePageForViewer(member, elsewhere.id)).rejects.toThrow(NotFound);

    await expect(
      applyPipelineEvent(member, onPanel.household.id, { type: 'PAPERS_SENT', occurredOn: '2026-12-01' }, { now: NOW }),
    ).rejects.toThrow(Forbidden);
    expect((await prisma.household.findUniqueOrThrow({ where: { id: onPanel.household.id } })).stage).toBe('panel.booked');
  });
});

describe('choosing panel members', () => {
  it('lets the council’s panel adviser choose its panel members, and refuses anyone else', async () => {
    const panel = await prisma.panel.create({ data: { councilId: 'nottinghamshire', panelOn: '2026-12-16' } });
    const adviser = await createViewer('panelAdviser', 'nottinghamshire');
    const memberA = await createUser({ role: 'panelMember', councilId: 'nottinghamshire', name: 'Ayo Member' });
    const memberB = await createUser({ role: 'panelMember', councilId: 'nottinghamshire', name: 'Bea Member' });
    const otherCouncilMember = await createUser({ role: 'panelMember', councilId: 'derby-city' });
    const socialWorker = await createUser({ role: 'socialWorker', councilId: 'nottinghamshire' });

    await setPanelMembers(adviser, panel.id, [memberA.id, memberB.id]);
    await setPanelMembers(adviser, panel.id, [memberB.id]);
    const members = await prisma.panelMember.findMany({ where: { panelId: panel.id }, select: { userId: true } });
    expect(members).toEqual([{ userId: memberB.id }]);
    expect(await prisma.auditEvent.count({ where: { action: 'panel.membersSet', entityId: panel.id } })).toBe(2);

    const agenda = await getPanelAgenda(adviser, panel.id);
    expect(agenda.mayManageMembers).toBe(true);
    expect(agenda.memberChoices.map((choice) => choice.name)).toEqual(['Ayo Member', 'Bea Member']);

    await expect(setPanelMembers(adviser, panel.id, [otherCouncilMember.id])).rejects.toThrow(ValidationFailed);
    await expect(setPanelMembers(adviser, panel.id, [socialWorker.id])).rejects.toThrow(ValidationFailed);
    await expect(setPanelMembers(await createViewer('socialWorker', 'nottinghamshire'), panel.id, [])).rejects.toThrow(Forbidden);
    await expect(setPanelMembers(await createViewer('panelAdviser', 'derby-city'), panel.id, [])).rejects.toThrow(NotFound);
    expect(await prisma.panelMember.findMany({ where: { panelId: panel.id }, select: { userId: true } })).toEqual([{ userId: memberB.id }]);
  });
});
