import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadMigrationsList, SCHEMA_PATH, readSchema, NO_FILTERS } from '../prisma/schema-engine.ts';
const require = createRequire(import.meta.url);
const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
const glue: any = await import(path.join(dir, 'schema_engine_bg.js'));
const inst = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(path.join(dir,'schema_engine_bg.wasm'))), { './schema_engine_bg.js': glue });
glue.__wbg_set_wasm(inst.exports); (inst.exports as any).__wbindgen_start();
const f = new PrismaBetterSqlite3({ url: './tmp/y.db' }, { shadowDatabaseUrl: './tmp/shadow-y.db' });
function wrap(a: any, label: string) {
  return new Proxy(a, { get(t, k) { const v = t[k]; if (typeof v !== 'function') return v; return async (...args: any[]) => { try { return await v.apply(t, args); } catch (e) { console.error(label, String(k), e); throw e; } }; } });
}
const fac: any = { provider: f.provider, adapterName: f.adapterName, connect: async () => wrap(await f.connect(), 'main'), connectToShadowDb: async () => wrap(await f.connectToShadowDb(), 'shadow') };
const engine = await glue.SchemaEngine.new({ datamodels: [[SCHEMA_PATH, readSchema()]] }, () => {}, bindMigrationAwareSqlAdapterFactory(fac));
try { const r = await engine.diff({ from: { tag: 'migrations', ...loadMigrationsList() }, to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: readSchema() }] }, script: true, exitCode: null, filters: NO_FILTERS }); console.log(r.stdout?.slice(0,100)); } catch (e) { console.error('DIFF ERR', String(e).slice(0, 200)); }
