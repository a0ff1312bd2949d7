// `npm run db:migrate`: applies every pending migration in prisma/migrations to the database DATABASE_URL names
// (creating the file if needed), through the WebAssembly schema engine. It records them in Prisma's own
// _prisma_migrations table, so `prisma migrate deploy` on a connected machine sees the same history.
import { pathToFileURL } from 'node:url';
import { NO_FILTERS, loadMigrationsList, openSchemaEngine } from './schema-engine.ts';

export async function applyPendingMigrations(databaseUrl: string): Promise<string[]> {
  const engine = await openSchemaEngine(databaseUrl);
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: loadMigrationsList(),
      filters: NO_FILTERS,
    });
    return appliedMigrationNames;
  } finally {
    await engine.close();
  }
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL ?? 'file:./data/dev.db';
  const applied = await applyPendingMigrations(databaseUrl);
  console.log(
    applied.length === 0
      ? `Database ${databaseUrl} is up to date.`
      : `Applied ${applied.length} migration(s) to ${databaseUrl}:\n${applied.map((name) => `  - ${name}`).join('\n')}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
