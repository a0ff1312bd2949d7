import { prisma } from '~/lib/db.server';
const t = performance.now();
await prisma.$transaction(async (tx) => {
  await tx.$executeRawUnsafe('CREATE INDEX "seed_delete_previousHouseholdId" ON "Household" ("previousHouseholdId")');
  for (const m of ['auditEvent','mockingbirdActivity','constellationMembership','constellation','sgoSupportCase','stayingPutArrangement','deregistration','placementSummary','approvalTerms','approval','kinshipDetails','note','contactAttempt','task','pipelineTransition','householdInterest','person','household','user','target','costParameter','bankHoliday','council'] as const) {
    const s = performance.now();
    // @ts-expect-error probe
    await tx[m].deleteMany();
    const d = performance.now() - s; if (d > 50) console.log('delete', m, Math.round(d));
  }
  throw new Error('rollback');
}, { timeout: 600000 }).catch(() => {});
console.log('delete all', Math.round(performance.now() - t));
