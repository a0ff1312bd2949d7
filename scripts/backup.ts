// `npm run db:backup [-- <file>]`: an online backup of the SQLite database DATABASE_URL names, safe while the app
// is running (SQLite's backup API copies a consistent snapshot page by page). Restore: stop the app, copy the
// backup over the database file (and delete any -wal/-shm files beside it), start the app.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { databasePathFromUrl } from '../prisma/schema-engine.ts';

async function main() {
  const source = databasePathFromUrl(process.env.DATABASE_URL ?? 'file:./data/dev.db');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.resolve(process.argv[2] ?? path.join('backups', `ffem-${stamp}.db`));
  mkdirSync(path.dirname(target), { recursive: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  const check = new Database(target, { readonly: true });
  const [{ integrity_check: integrity }] = check.pragma('integrity_check') as { integrity_check: string }[];
  check.close();
  if (integrity !== 'ok') throw new Error(`the backup failed its integrity check: ${integrity}`);
  console.log(`Backed up ${source} to ${target} (integrity check ok).`);
}

main().catch((error: unknown) => {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
