import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { applyPendingMigrations } from '../../../prisma/migrate';
import {
  NO_FILTERS,
  SCHEMA_PATH,
  diffMigrationsToSchema,
  loadMigrationsList,
  openSchemaEngine,
  readSchema,
} from '../../../prisma/schema-engine';

const workDir = mkdtempSync(path.join(tmpdir(), 'ffem-drift-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('migrations', () => {
  test('applying every migration to an empty database gives exactly what schema.prisma describes', async () => {
    const databaseUrl = `file:${path.join(workDir, 'empty.db')}`;
    const applied = await applyPendingMigrations(databaseUrl);
    expect(applied).toEqual(loadMigrationsList().migrationDirectories.map((directory) => directory.path));

    // Read the real database back into a Prisma schema and diff it against schema.prisma: no SQL may be needed.
    const engine = await openSchemaEngine(databaseUrl);
    try {
      const introspected = await engine.introspect({
        schema: { files: [{ path: SCHEMA_PATH, content: readSchema() }] },
        baseDirectoryPath: path.dirname(SCHEMA_PATH),
        force: true,
        compositeTypeDepth: 0,
        namespaces: null,
      });
      const drift = await engine.diff({
        from: { tag: 'schemaDatamodel', files: introspected.schema.files },
        to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: readSchema() }] },
        script: true,
        exitCode: null,
        filters: NO_FILTERS,
      });
      expect(drift.stdout?.trim()).toBe('-- This is an empty migration.');
      expect(await diffMigrationsToSchema(engine)).toBe('-- This is an empty migration.');
    } finally {
      await engine.close();
    }
  });

  test('re-running applies nothing and Prisma records each migration once', async () => {
    const databaseUrl = `file:${path.join(workDir, 'twice.db')}`;
    await applyPendingMigrations(databaseUrl);
    expect(await applyPendingMigrations(databaseUrl)).toEqual([]);
    const db = new Database(path.join(workDir, 'twice.db'), { readonly: true });
    const rows = db.prepare('SELECT migration_name, finished_at FROM _prisma_migrations').all() as {
      migration_name: string;
      finished_at: string | null;
    }[];
    db.close();
    expect(rows.map((row) => row.migration_name)).toEqual(
      loadMigrationsList().migrationDirectories.map((directory) => directory.path),
    );
    expect(rows.every((row) => row.finished_at !== null)).toBe(true);
  });

  test('a schema change that has no migration yet is detected as drift', async () => {
    const engine = await openSchemaEngine(`file:${path.join(workDir, 'probe.db')}`);
    try {
      const changed = `${readSchema()}\nmodel DriftProbe {\n  id String @id\n}\n`;
      const result = await engine.diff({
        from: { tag: 'migrations', ...loadMigrationsList() },
        to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: changed }] },
        script: true,
        exitCode: null,
        filters: NO_FILTERS,
      });
      expect(result.stdout).toContain('CREATE TABLE "DriftProbe"');
    } finally {
      await engine.close();
    }
  });
});
