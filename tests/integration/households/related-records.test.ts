import { describe, expect, it } from 'vitest';
import { prisma } from '~/lib/db.server';
import { getCasePageForViewer } from '~/modules/households/case-page.server';
import { createHousehold, createViewer } from '../../support/factories';

// The case page links a household to its records elsewhere, only for those who may open them.

const NOW = new Date('2026-11-23T10:00:00Z');

describe('related records on the case page', () => {
  it('links an approved household to its carer record for its council, and a returning carer to both cases', async () => {
    const earlier = await createHousehold({ councilId: 'derby-city', allocatedCouncilId: 'derby-city', stage: 'approved' });
    const approval = await prisma.approval.create({
      data: { householdId: earlier.id, councilId: 'derby-city', approvalType: 'mainstream', approvedOn: '2022-03-14', status: 'ended', endedOn: '2025-06-30' },
    });
    const returning = await createHousehold({ councilId: 'derby-city', stage: 'enquiry.received' });
    await prisma.household.update({ where: { id: returning.id }, data: { previousHouseholdId: earlier.id } });

    const worker = await createViewer('socialWorker', 'derby-city');
    const earlierPage = await getCasePageForViewer(worker, earlier.id, { now: NOW });
    expect(earlierPage.relatedRecords).toEqual([
      { href: `/council/carers/${approval.id}`, label: 'Approved carer record, approved 14 March 2022 (ended)' },
      { href: `/council/households/${returning.id}`, label: `Their return, ${returning.reference}` },
    ]);

    const officer = await createViewer('hubOfficer');
    const returningPage = await getCasePageForViewer(officer, returning.id, { now: NOW });
    expect(returningPage.relatedRecords).toEqual([{ href: `/hub/households/${earlier.id}`, label: `Their earlier case, ${earlier.reference}` }]);
  });

  it('offers council staff who manage SGO support an SGO case for a kinship household, and not a panel adviser', async () => {
    const kinship = await createHousehold({ route: 'kinship', councilId: 'derby-city', allocatedCouncilId: 'derby-city', stage: 'approved' });
    const sgoLink = { href: `/council/sgo/new?householdId=${kinship.id}`, label: 'Open an SGO support case for this household' };
    for (const role of ['fosteringManager', 'socialWorker'] as const) {
      const viewer = await createViewer(role, 'derby-city');
      expect((await getCasePageForViewer(viewer, kinship.id, { now: NOW })).relatedRecords).toEqual([sgoLink]);
    }
    const adviser = await createViewer('panelAdviser', 'derby-city');
    expect((await getCasePageForViewer(adviser, kinship.id, { now: NOW })).relatedRecords).toEqual([]);
  });
});
