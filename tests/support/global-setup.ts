// Migrates one template database for the whole run; each test file gets its own copy (setup-file.ts).
import { mkdirSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { applyPendingMigrations } from '../../prisma/migrate';
import { COUNCILS } from '../../prisma/seed/councils';
import { TEMPLATE_DB, TEST_DB_DIR } from './paths';

export default async function globalSetup() {
  rmSync(TEST_DB_DIR, { recursive: true, force: true });
  mkdirSync(TEST_DB_DIR, { recursive: true });
  await applyPendingMigrations(`file:${TEMPLATE_DB}`);
  const db = new Database(TEMPLATE_DB);
  const insert = db.prepare('INSERT INTO Council (id, name, onsCode) VALUES (?, ?, ?)');
  for (const council of COUNCILS) insert.run(council.id, council.name, council.onsCode);
  db.pragma('journal_mode = DELETE');
  db.close();
}
