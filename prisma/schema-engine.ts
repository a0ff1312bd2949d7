// Prisma's schema engine as WebAssembly, so migrations work on machines that cannot download the native engine
// (TOOLCHAIN.md). Node 20 cannot import a .wasm module directly, so we instantiate it by hand.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';

const require = createRequire(import.meta.url);
export const PRISMA_DIR = path.dirname(new URL(import.meta.url).pathname);
export const SCHEMA_PATH = path.join(PRISMA_DIR, 'schema.prisma');
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, 'migrations');
export const NO_FILTERS = { externalTables: [], externalEnums: [] };

type WasmBindings = typeof import('@prisma/schema-engine-wasm') & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

let bindings: Promise<WasmBindings> | undefined;

function loadBindings(): Promise<WasmBindings> {
  bindings ??= (async () => {
    const packageDir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
    const glue = (await import(
      path.join(packageDir, 'schema_engine_bg.js')
    )) as WasmBindings & Record<string, WebAssembly.ImportValue>;
    const module = new WebAssembly.Module(readFileSync(path.join(packageDir, 'schema_engine_bg.wasm')));
    const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return bindings;
}

/** `file:./data/dev.db` → an absolute path, resolved from the project root as Prisma's config does. */
export function databasePathFromUrl(url: string): string {
  if (!url.startsWith('file:')) throw new Error(`DATABASE_URL must use the file: form, got "${url}"`);
  return path.resolve(path.dirname(PRISMA_DIR), url.slice('file:'.length));
}

export function readSchema(): string {
  return readFileSync(SCHEMA_PATH, 'utf8');
}

export type OpenedSchemaEngine = SchemaEngine & { close(): Promise<void> };

// The wasm engine replays each migration file on the shadow database through executeRaw, which better-sqlite3
// refuses for more than one statement. Run such a parameterless script with executeScript instead.
function acceptMultiStatementScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      const multiStatement = error instanceof RangeError && /more than one statement/.test(error.message);
      if (!multiStatement || query.args.length > 0) throw error;
      await adapter.executeScript(query.sql);
      return 0;
    }
  };
  return adapter;
}

/** Opens the engine on a SQLite file (or `file::memory:`). Call `close()` to free it and its connections. */
export async function openSchemaEngine(databaseUrl: string): Promise<OpenedSchemaEngine> {
  const inMemory = databaseUrl === 'file::memory:';
  const filePath = inMemory ? ':memory:' : databasePathFromUrl(databaseUrl);
  if (!inMemory) mkdirSync(path.dirname(filePath), { recursive: true });
  const { SchemaEngine } = await loadBindings();

  // The engine opens connections through the adapter but never closes them; track them so close() can, or the
  // file stays locked for the rest of the process.
  const shadowDir = mkdtempSync(path.join(tmpdir(), 'ffem-shadow-'));
  const factory = new PrismaBetterSqlite3({ url: filePath }, { shadowDatabaseUrl: path.join(shadowDir, 'shadow.db') });
  const opened: SqlDriverAdapter[] = [];
  const tracked = (connect: () => Promise<SqlDriverAdapter>) => async () => {
    const adapter = await connect();
    opened.push(adapter);
    return adapter;
  };
  const trackingFactory: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: tracked(() => factory.connect()),
    connectToShadowDb: tracked(async () => acceptMultiStatementScripts(await factory.connectToShadowDb())),
  };
  const log = (message: string) => {
    if (process.env.PRISMA_ENGINE_DEBUG) console.error(message);
  };
  const engine = await SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, readSchema()]] },
    log,
    bindMigrationAwareSqlAdapterFactory(trackingFactory),
  );
  return Object.assign(engine, {
    async close() {
      engine.free();
      await Promise.all(opened.map((adapter) => adapter.dispose()));
      rmSync(shadowDir, { recursive: true, force: true });
    },
  });
}

/** Prisma's standard layout: prisma/migrations/<timestamp>_<name>/migration.sql plus migration_lock.toml. */
export function loadMigrationsList(): MigrationList {
  const lockPath = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
  const directories = existsSync(MIGRATIONS_DIR)
    ? readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: {
      path: 'migration_lock.toml',
      content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: directories.map((name) => {
      const sqlPath = path.join(MIGRATIONS_DIR, name, 'migration.sql');
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: existsSync(sqlPath)
            ? { tag: 'ok' as const, value: readFileSync(sqlPath, 'utf8') }
            : { tag: 'error' as const, value: `missing ${sqlPath}` },
        },
      };
    }),
  };
}

/** SQL that takes a database built from every migration to what schema.prisma describes ('' when none is needed). */
export async function diffMigrationsToSchema(engine: SchemaEngine): Promise<string> {
  const result = await engine.diff({
    from: { tag: 'migrations', ...loadMigrationsList() },
    to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: readSchema() }] },
    script: true,
    exitCode: null,
    filters: NO_FILTERS,
  });
  return (result.stdout ?? '').trim();
}
