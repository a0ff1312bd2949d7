// Migrates one template database for the whole run; each test file gets its own copy (setup-file.ts). Each run
// has its own folder, so two runs at once (a developer's and an editor's) never delete each other's databases.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { TestProject } from 'vitest/node';
import { applyPendingMigrations } from '../../prisma/migrate';
import { COUNCILS } from '../../prisma/seed/councils';
import { TEST_DB_DIR } from './paths';

declare module 'vitest' {
  export interface ProvidedContext {
    testRunDir: string;
  }
}

export default async function globalSetup(project: TestProject) {
  const runDir = path.join(TEST_DB_DIR, `run-${Date.now()}-${process.pid}`);
  mkdirSync(runDir, { recursive: true });
  const template = path.join(runDir, 'template.db');
  await applyPendingMigrations(`file:${template}`);
  const db = new Database(template);
  const insert = db.prepare('INSERT INTO Council (id, name, onsCode) VALUES (?, ?, ?)');
  for (const council of COUNCILS) insert.run(council.id, council.name, council.onsCode);
  db.pragma('journal_mode = DELETE');
  db.close();
  project.provide('testRunDir', runDir);
  return () => rmSync(runDir, { recursive: true, force: true });
}
