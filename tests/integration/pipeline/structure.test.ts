import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// STYLE.md §3.2: only the pipeline writer changes a household's stage. This test reads the application's source and
// fails, naming the file, wherever anything else writes `stage`, `pipelineSnapshot` or `machineVersion`.

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const APP_DIR = path.join(ROOT, 'app');
const SKIPPED_DIRS = new Set([path.join(APP_DIR, 'generated')]);

/**
 * The writer; the bulk importer, which creates households already at their stage with snapshotAtStage; and the
 * columns of a newly created household (enquiries and kinship referrals spread them into their create).
 */
const ALLOWED_WRITERS = new Set([
  'app/modules/pipeline/transition.server.ts',
  'app/modules/importing/historical.server.ts',
  'app/modules/pipeline/create.server.ts',
]);

const PIPELINE_COLUMNS = new Set(['stage', 'pipelineSnapshot', 'machineVersion']);
/** Columns no other model has, so setting them anywhere but a read is a write to a household. */
const UNIQUE_PIPELINE_COLUMNS = new Set(['pipelineSnapshot', 'machineVersion']);
const WRITE_METHODS = new Set(['create', 'createMany', 'createManyAndReturn', 'update', 'updateMany', 'updateManyAndReturn', 'upsert']);
const WRITE_ARGUMENTS = new Set(['data', 'create', 'update']);
/** Query arguments that only read: a column named inside them is selected, filtered or sorted on, never written. */
const READ_ARGUMENTS = new Set(['select', 'include', 'omit', 'where', 'orderBy', 'cursor', 'distinct', 'by', '_count', '_max', '_min']);
/** Raw SQL: a pipeline column in the SET list of an UPDATE (not its WHERE), or in the column list of an INSERT. */
const RAW_HOUSEHOLD_WRITES = [
  /\bupdate\s+["`]?household["`]?\s+set\b(?:(?!\bwhere\b)[^;]){0,400}?\b(?:stage|pipelineSnapshot|machineVersion)\b/gi,
  /\binsert\s+into\s+["`]?household["`]?\s*\([^)]*\b(?:stage|pipelineSnapshot|machineVersion)\b/gi,
];

type Violation = { file: string; line: number; why: string };

function propertyName(node: ts.ObjectLiteralElementLike): string | null {
  if (!node.name) return null;
  if (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) return node.name.text;
  return null;
}

function isInsideReadArgument(node: ts.Node): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (ts.isPropertyAssignment(parent) && READ_ARGUMENTS.has(propertyName(parent) ?? '')) return true;
  }
  return false;
}

/** `tx.household.updateMany(…)`, `prisma.household.create(…)`: a Prisma write on the Household model. */
function householdWriteMethod(call: ts.CallExpression): string | null {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !WRITE_METHODS.has(callee.name.text)) return null;
  const model = callee.expression;
  return ts.isPropertyAccessExpression(model) && model.name.text === 'household' ? callee.name.text : null;
}

/** The properties a written row names: its own, and those of object literals spread into it (`...onlyChanged(h, { stage })`). */
function columnsOf(row: ts.ObjectLiteralExpression): ts.ObjectLiteralElementLike[] {
  return row.properties.flatMap((property) => (ts.isSpreadAssignment(property) ? objectLiteralsIn(property.expression).flatMap(columnsOf) : [property]));
}

function objectLiteralsIn(node: ts.Node): ts.ObjectLiteralExpression[] {
  if (ts.isObjectLiteralExpression(node)) return [node];
  const found: ts.ObjectLiteralExpression[] = [];
  ts.forEachChild(node, (child) => {
    found.push(...objectLiteralsIn(child));
  });
  return found;
}

export function findPipelineWrites(file: string, source: string): Violation[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const violations: Violation[] = [];
  const report = (node: ts.Node, why: string) => {
    violations.push({ file, line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1, why });
  };

  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const method = householdWriteMethod(node);
      const [argument] = node.arguments;
      if (method && argument && ts.isObjectLiteralExpression(argument)) {
        for (const writeArgument of argument.properties) {
          if (!ts.isPropertyAssignment(writeArgument) || !WRITE_ARGUMENTS.has(propertyName(writeArgument) ?? '')) continue;
          const written = writeArgument.initializer;
          const rows = ts.isArrayLiteralExpression(written) ? written.elements : [written];
          for (const row of rows) {
            if (!ts.isObjectLiteralExpression(row)) continue;
            for (const column of columnsOf(row)) {
              const name = propertyName(column);
              if (name && PIPELINE_COLUMNS.has(name)) report(column, `household.${method} writes ${name}`);
            }
          }
        }
      }
    }
    if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && !isInsideReadArgument(node)) {
      const name = propertyName(node);
      if (name && UNIQUE_PIPELINE_COLUMNS.has(name)) report(node, `sets ${name}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);

  for (const pattern of RAW_HOUSEHOLD_WRITES) {
    for (const match of source.matchAll(pattern)) {
      violations.push({ file, line: sourceFile.getLineAndCharacterOfPosition(match.index).line + 1, why: 'raw SQL writes a pipeline column' });
    }
  }
  return violations;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_DIRS.has(full) ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

describe('the scanner', () => {
  it('finds each kind of write', () => {
    const source = [
      "await tx.household.update({ where: { id }, data: { stage: 'approved' } });",
      "await prisma.household.create({ data: { reference, stage, pipelineSnapshot: json, machineVersion: 1 } });",
      "await prisma.household.createMany({ data: [{ 'stage': 'closed' }] });",
      "await prisma.household.upsert({ where: { id }, create: { stage: 'closed' }, update: {} });",
      'const columns = { pipelineSnapshot };',
      'await prisma.$executeRawUnsafe(\'UPDATE "Household" SET "stage" = ?\', stage);',
      'await prisma.$executeRawUnsafe(\'INSERT INTO Household (id, machineVersion) VALUES (?, 1)\', id);',
      "await tx.household.updateMany({ where: { id }, data: { ...onlyChanged(household, { stage: 'closed' }), ...columns } });",
    ].join('\n');

    expect(findPipelineWrites('bad.ts', source)).toEqual([
      { file: 'bad.ts', line: 1, why: 'household.update writes stage' },
      { file: 'bad.ts', line: 2, why: 'household.create writes stage' },
      { file: 'bad.ts', line: 2, why: 'household.create writes pipelineSnapshot' },
      { file: 'bad.ts', line: 2, why: 'household.create writes machineVersion' },
      { file: 'bad.ts', line: 2, why: 'sets pipelineSnapshot' },
      { file: 'bad.ts', line: 2, why: 'sets machineVersion' },
      { file: 'bad.ts', line: 3, why: 'household.createMany writes stage' },
      { file: 'bad.ts', line: 4, why: 'household.upsert writes stage' },
      { file: 'bad.ts', line: 5, why: 'sets pipelineSnapshot' },
      { file: 'bad.ts', line: 8, why: 'household.updateMany writes stage' },
      { file: 'bad.ts', line: 6, why: 'raw SQL writes a pipeline column' },
      { file: 'bad.ts', line: 7, why: 'raw SQL writes a pipeline column' },
    ]);
  });

  it('lets reads, filters and other models through', () => {
    const source = [
      "await prisma.household.findMany({ where: { stage: 'approved' }, select: { stage: true, pipelineSnapshot: true } });",
      "await prisma.household.updateMany({ where: { stage: 'closed', machineVersion: 1 }, data: { ownerId: null } });",
      "await prisma.household.groupBy({ by: ['stage'], orderBy: { machineVersion: 'asc' } });",
      "await tx.task.create({ data: { stage: 'enquiry.received' } });",
      'await prisma.$executeRawUnsafe(\'UPDATE "Household" SET "ownerId" = NULL WHERE "stage" = ?\', stage);',
      'type Row = { stage: string; pipelineSnapshot: string };',
    ].join('\n');

    expect(findPipelineWrites('good.ts', source)).toEqual([]);
  });
});

describe('the application source', () => {
  const files = sourceFiles(APP_DIR);

  it('is scanned, and the scanner sees the writer’s own writes', () => {
    expect(files.length).toBeGreaterThan(20);
    for (const allowed of ALLOWED_WRITERS) {
      expect(files.map(relative), allowed).toContain(allowed);
    }
    const writer = path.join(ROOT, 'app/modules/pipeline/transition.server.ts');
    expect(findPipelineWrites('transition.server.ts', readFileSync(writer, 'utf8')).map((violation) => violation.why)).toEqual(
      expect.arrayContaining(['household.updateMany writes stage', 'household.updateMany writes pipelineSnapshot']),
    );
  });

  it('writes stage, pipelineSnapshot and machineVersion only in the pipeline writer and the importer', () => {
    const violations = files
      .filter((file) => !ALLOWED_WRITERS.has(relative(file)))
      .flatMap((file) => findPipelineWrites(relative(file), readFileSync(file, 'utf8')));

    expect(violations.map((violation) => `${violation.file}:${violation.line} ${violation.why}`)).toEqual([]);
  });
});
