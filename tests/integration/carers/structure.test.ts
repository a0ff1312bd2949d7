import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Decision 010: approved households change only through app/modules/carers (its writer, the approval the pipeline
// writer records through it, and the daily job's endings there). This test reads the application's source and names
// any other file that writes those tables. The historical importer is the one exception: it loads endings in bulk.

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const APP_DIR = path.join(ROOT, 'app');
const ALLOWED = [/^app\/modules\/carers\//, /^app\/modules\/importing\/historical\.server\.ts$/];
const MODELS = ['approval', 'approvalTerms', 'approvalReview', 'deregistration', 'placementSummary', 'stayingPutArrangement'];
const WRITE = new RegExp(`\\.(?:${MODELS.join('|')})\\.(?:create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany)\\(`, 'g');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

export function findApprovalWrites(source: string): number {
  return [...source.matchAll(WRITE)].length;
}

describe('approved households have one writer', () => {
  it('recognises a write and ignores a read', () => {
    expect(findApprovalWrites('await tx.approval.updateMany({ where: {} })')).toBe(1);
    expect(findApprovalWrites('await tx.deregistration.create({ data: {} })')).toBe(1);
    expect(findApprovalWrites('await prisma.approval.findMany({ where: {} })')).toBe(0);
  });

  it('finds no writes to approval tables outside app/modules/carers', () => {
    const offenders = sourceFiles(APP_DIR)
      .map((file) => path.relative(ROOT, file).split(path.sep).join('/'))
      .filter((file) => !ALLOWED.some((pattern) => pattern.test(file)))
      .filter((file) => findApprovalWrites(readFileSync(path.join(ROOT, file), 'utf8')) > 0);
    expect(offenders).toEqual([]);
  });
});
