import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { env, parseEnv } from '~/lib/env.server';
import { DEFAULT_FILTER } from '~/modules/households/filters';
import { getHouseholdFilterOptions, getHubOverview, listHouseholdsPage } from '~/modules/households/households.server';
import { createHousehold, createViewer } from '../../support/factories';

// STALLED_AFTER_DAYS (app/lib/env.server.ts) is read once at start-up; these tests set the parsed value the app would
// hold, as a deployment with STALLED_AFTER_DAYS=5 would, and put the default back afterwards.

// A Monday in British Summer Time: London midnight is 23:00 UTC the day before.
const TODAY = '2026-04-27';

async function quietSince(displayName: string, lastActivityAt: Date) {
  const created = await createHousehold({ displayName });
  await prisma.household.update({ where: { id: created.id }, data: { lastActivityAt } });
}

describe('the STALLED_AFTER_DAYS setting', () => {
  it('defaults to 20 days and refuses anything but a whole number from 1 to 365, naming the variable', () => {
    expect(parseEnv({}).STALLED_AFTER_DAYS).toBe(20);
    expect(parseEnv({ STALLED_AFTER_DAYS: '5' }).STALLED_AFTER_DAYS).toBe(5);
    expect(() => parseEnv({ STALLED_AFTER_DAYS: '0' })).toThrow(/STALLED_AFTER_DAYS must be at least 1/);
    expect(() => parseEnv({ STALLED_AFTER_DAYS: '366' })).toThrow(/STALLED_AFTER_DAYS must be 365 or fewer/);
    expect(() => parseEnv({ STALLED_AFTER_DAYS: '2.5' })).toThrow(/STALLED_AFTER_DAYS must be a whole number of days/);
    expect(() => parseEnv({ STALLED_AFTER_DAYS: 'twenty' })).toThrow(/STALLED_AFTER_DAYS/);
  });
});

describe('stalled cases with STALLED_AFTER_DAYS=5', () => {
  const configured = env.STALLED_AFTER_DAYS;
  beforeEach(async () => {
    await prisma.household.deleteMany();
    env.STALLED_AFTER_DAYS = 5;
  });
  afterEach(() => {
    env.STALLED_AFTER_DAYS = configured;
  });

  it('flags on the list, the hub home and the filter label the cases quiet for 5 London days or more', async () => {
    const hub = await createViewer('hubOfficer');
    // 27 April less 5 days is 22 April; 23:59 on 22 April in London is 22:59 UTC.
    await quietSince('Last active 22 April, 23:59', new Date('2026-04-22T22:59:00Z'));
    await quietSince('Last active 23 April, 00:00', new Date('2026-04-22T23:00:00Z'));

    const page = await listHouseholdsPage(hub, { ...DEFAULT_FILTER, stalled: true }, { take: 25, today: TODAY });
    expect(page.households.map((row) => row.displayName)).toEqual(['Last active 22 April, 23:59']);
    const overview = await getHubOverview(hub, TODAY);
    expect(overview.stalled).toMatchObject({ count: 1, afterDays: 5 });
    expect((await getHouseholdFilterOptions(hub)).stalledAfterDays).toBe(5);
  });
});
