// `npm run db:migration:new -- <name>`: writes the SQL that takes the current migrations to what schema.prisma
// describes as prisma/migrations/<timestamp>_<name>/migration.sql. Works offline through the WebAssembly engine
// (the shadow database is an in-memory SQLite database).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_DIR, diffMigrationsToSchema, openSchemaEngine } from './schema-engine.ts';

function timestamp(now = new Date()) {
  return now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

async function main() {
  const name = (process.argv[2] ?? '').trim();
  if (!/^[a-z0-9_]+$/.test(name)) {
    console.error('Give the migration a name in lower case with underscores, like: npm run db:migration:new -- add_tasks');
    process.exit(2);
  }
  const engine = await openSchemaEngine('file::memory:');
  try {
    const sql = await diffMigrationsToSchema(engine);
    if (sql === '' || sql === '-- This is an empty migration.') {
      console.log('schema.prisma matches the migrations already: nothing to write.');
      return;
    }
    const directory = path.join(MIGRATIONS_DIR, `${timestamp()}_${name}`);
    mkdirSync(directory, { recursive: true });
    writeFileSync(path.join(directory, 'migration.sql'), `${sql}\n`);
    console.log(`Wrote ${path.relative(process.cwd(), directory)}/migration.sql`);
  } finally {
    await engine.close();
  }
}

main().catch((error: unknown) => {
  console.error(`Could not make the migration: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
