import type { Prisma } from '~/generated/prisma/client';
import type { SeededHousehold } from './households';
import { DEMO_LOGINS } from './demo-logins';
import { userIdFor } from './staff';

// Fostering panels for the cases the seed leaves at panel or decision: one panel per council and date, an item per
// case on its current panel date, and the demo panel member sitting on Derby City's next panel that has cases.

type SeededPanel = { id: string; councilId: string; panelOn: string; createdAt: Date };

export type PanelRows = {
  panels: SeededPanel[];
  items: Prisma.PanelItemCreateManyInput[];
  members: Prisma.PanelMemberCreateManyInput[];
};

const DEMO_PANEL_COUNCIL = 'derby-city';

export function buildPanels(households: readonly SeededHousehold[], asOf: string): PanelRows {
  const panels = new Map<string, SeededPanel>();
  const items: Prisma.PanelItemCreateManyInput[] = [];
  for (const household of households) {
    const panelOn = household.row.panelDate;
    const councilId = household.allocatedCouncilId;
    if (!panelOn || !councilId || !isAtPanelOrDecision(household.stage)) continue;
    const panelId = `seed-panel-${councilId}-${panelOn}`;
    if (!panels.has(panelId)) {
      panels.set(panelId, { id: panelId, councilId, panelOn, createdAt: household.lastActivityAt });
    }
    items.push({ id: `seed-panel-item-${household.id}`, panelId, householdId: household.id, ...outcomeOf(household) });
  }
  const sorted = [...panels.values()].sort((a, b) => a.panelOn.localeCompare(b.panelOn) || a.id.localeCompare(b.id));
  const demoCouncilPanels = sorted.filter((panel) => panel.councilId === DEMO_PANEL_COUNCIL);
  const demoPanel = demoCouncilPanels.find((panel) => panel.panelOn >= asOf) ?? demoCouncilPanels.at(-1);
  const panelMember = DEMO_LOGINS.find((login) => login.role === 'panelMember');
  const members = demoPanel && panelMember ? [{ panelId: demoPanel.id, userId: userIdFor(panelMember.email) }] : [];
  return { panels: sorted, items, members };
}

function isAtPanelOrDecision(stage: string) {
  return stage.startsWith('panel.') || stage.startsWith('decision.');
}

/** The recommendation and any decision the seeded journey already holds. */
function outcomeOf(household: SeededHousehold) {
  const recommended = household.steps.findLast((step) => step.event.type === 'PANEL_RECOMMENDED');
  const proposed = household.steps.findLast((step) => step.event.type === 'PROPOSE_NOT_TO_APPROVE');
  return {
    recommendation: recommended?.event.type === 'PANEL_RECOMMENDED' ? recommended.event.recommendation : null,
    recommendedOn: recommended?.event.occurredOn ?? null,
    decision: proposed ? 'proposedNotToApprove' : null,
    decidedOn: proposed?.event.occurredOn ?? null,
  };
}
