import { prisma } from '~/lib/db.server';
import { recordApproval } from '~/modules/carers/approvals.server';
import { createHousehold } from '../../support/factories';

/** An approved household, recorded by the same function the pipeline writer calls on an ADM approval. */
export async function createApprovedHousehold(options: { councilId?: string; approvedOn: string; route?: 'mainstream' | 'kinship'; supervisingWorkerId?: string | null }) {
  const councilId = options.councilId ?? 'derby-city';
  const route = options.route ?? 'mainstream';
  const household = await createHousehold({ councilId, allocatedCouncilId: councilId, stage: 'approved', route, email: `carer-${Date.now()}@example.test` });
  await prisma.person.create({ data: { householdId: household.id, role: 'applicant', firstName: 'Ada', lastName: 'Okafor', email: 'ada@example.test' } });
  const approval = await prisma.$transaction((tx) =>
    recordApproval(tx, {
      householdId: household.id,
      councilId,
      approvedOn: options.approvedOn,
      route,
      supervisingWorkerId: options.supervisingWorkerId ?? null,
      decidedById: 'adm',
      terms: {
        approvalType: route === 'kinship' ? 'kinship' : 'mainstream',
        numberOfChildren: 2,
        minAge: 0,
        maxAge: 18,
        placementKinds: ['shortTerm', 'longTerm'],
        specialisms: [],
        namedChildren: route === 'kinship' ? ['DY-CHILD-1'] : [],
      },
    }),
  );
  return { householdId: household.id, approvalId: approval.id };
}

/** A form as the browser posts it, with GOV.UK date inputs split into day, month and year. */
export function formOf(fields: Record<string, string | string[]>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    const dateMatch = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
    if (dateMatch) {
      form.set(`${name}-day`, String(Number(dateMatch[3])));
      form.set(`${name}-month`, String(Number(dateMatch[2])));
      form.set(`${name}-year`, dateMatch[1]);
    } else if (Array.isArray(value)) {
      for (const entry of value) form.append(name, entry);
    } else {
      form.set(name, value);
    }
  }
  return form;
}
