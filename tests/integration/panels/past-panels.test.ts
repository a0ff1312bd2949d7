import { describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { Forbidden } from '~/lib/errors';
import { listPastPanelsForViewer } from '~/modules/panels/panels.server';
import { createHousehold, createViewer } from '../../support/factories';

const TODAY = '2026-06-01';

async function panelOn(councilId: string, date: string, outcomes: { recommendation?: string; decision?: string }[] = []) {
  const panel = await prisma.panel.create({ data: { councilId, panelOn: date } });
  for (const outcome of outcomes) {
    const household = await createHousehold({ councilId, allocatedCouncilId: councilId, stage: 'decision.awaitingMinutes' });
    await prisma.panelItem.create({ data: { panelId: panel.id, householdId: household.id, ...outcome } });
  }
  return panel;
}

describe('past panels', () => {
  it('lists the council’s panels before today, newest first, with the recommendations and decisions recorded', async () => {
    await panelOn('nottinghamshire', '2026-05-20', [{ recommendation: 'approve', decision: 'approved' }, { recommendation: 'deferred' }]);
    const sitOn = await panelOn('nottinghamshire', '2026-05-06', [{ recommendation: 'notApprove' }]);
    await panelOn('nottinghamshire', '2026-04-01');
    await panelOn('nottinghamshire', TODAY, [{}]);
    await panelOn('nottinghamshire', '2026-06-10', [{}]);
    await panelOn('derbyshire', '2026-05-13', [{ recommendation: 'approve' }]);
    const manager = await createViewer('fosteringManager', 'nottinghamshire');
    const member = await createViewer('panelMember', 'nottinghamshire');
    await prisma.panelMember.create({ data: { panelId: sitOn.id, userId: member.userId } });

    const past = await listPastPanelsForViewer(manager, { today: TODAY });
    // A deferral is not a recommendation; today's panel is not past yet.
    expect(past.panels.map((panel) => [panel.panelOn, panel.itemCount, panel.recommendationCount, panel.decisionCount])).toEqual([
      ['2026-05-20', 2, 1, 1],
      ['2026-05-06', 1, 1, 0],
      ['2026-04-01', 0, 0, 0],
    ]);
    expect([past.olderCursor, past.newerCursor]).toEqual([null, null]);

    expect((await listPastPanelsForViewer(member, { today: TODAY })).panels.map((panel) => panel.id)).toEqual([sitOn.id]);
    await expect(listPastPanelsForViewer(await createViewer('mockingbirdLiaison', 'nottinghamshire'), { today: TODAY })).rejects.toThrow(Forbidden);
  });

  it('pages 20 at a time, older and back to newer, keeping to the viewer’s scope', async () => {
    // 22 Wednesdays of Derby City panels, 7 January to 3 June 2025.
    const dates = Array.from({ length: 22 }, (_, index) => new Date(Date.UTC(2025, 0, 1 + 7 * (index + 1))).toISOString().slice(0, 10));
    await prisma.panel.createMany({ data: dates.map((date) => ({ councilId: 'derby-city', panelOn: date })) });
    const adviser = await createViewer('panelAdviser', 'derby-city');
    const newestFirst = [...dates].reverse();

    const first = await listPastPanelsForViewer(adviser, { today: TODAY });
    expect(first.panels.map((panel) => panel.panelOn)).toEqual(newestFirst.slice(0, 20));
    expect(first.newerCursor).toBeNull();

    const second = await listPastPanelsForViewer(adviser, { today: TODAY, cursor: { direction: 'older', panelId: first.olderCursor ?? '' } });
    expect(second.panels.map((panel) => panel.panelOn)).toEqual(['2025-01-15', '2025-01-08']);
    expect(second.olderCursor).toBeNull();

    const back = await listPastPanelsForViewer(adviser, { today: TODAY, cursor: { direction: 'newer', panelId: second.newerCursor ?? '' } });
    expect(back.panels.map((panel) => panel.panelOn)).toEqual(newestFirst.slice(0, 20));
    expect(back.newerCursor).toBeNull();
    expect(back.olderCursor).toBe(first.olderCursor);

    // Another council's panel id as a cursor counts as no cursor.
    const elsewhere = await prisma.panel.create({ data: { councilId: 'derbyshire', panelOn: '2025-03-05' } });
    const ignored = await listPastPanelsForViewer(adviser, { today: TODAY, cursor: { direction: 'older', panelId: elsewhere.id } });
    expect(ignored.panels.map((panel) => panel.panelOn)).toEqual(newestFirst.slice(0, 20));
  });
});
