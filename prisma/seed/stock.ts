import { addDays, daysBetween } from './dates';
import { planRestingAt, type CasePlan } from './case-plans';
import { COUNCIL_DEMO_SHARES } from './councils';
import { randomFor } from './random';

// Carers approved before the three-year window, so that retention figures have households at the start of each
// period to divide by (DOMAIN.md §6.5). Older approvals are rarer: many of those carers have since stopped.

const STOCK_SIZE = 750;
const EARLIEST_APPROVAL = '2008-01-01';
const KINSHIP_SHARE = 0.15;

export function planStockCases(windowStart: string): CasePlan[] {
  const span = daysBetween(EARLIEST_APPROVAL, windowStart) - 1;
  return Array.from({ length: STOCK_SIZE }, (_, index) => {
    const key = `stock:${index}`;
    const random = randomFor('stock', index);
    const approvedBy = addDays(windowStart, -1 - Math.floor(random.next() ** 1.6 * span));
    return planRestingAt(
      {
        key,
        route: random.chance(KINSHIP_SHARE) ? 'kinship' : 'mainstream',
        councilId: random.weighted(COUNCIL_DEMO_SHARES),
        outcome: { stage: 'approved' },
      },
      approvedBy,
      0,
    );
  }).sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.key.localeCompare(b.key));
}
