import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { readFileSync } from 'node:fs';
const f = new PrismaBetterSqlite3({ url: './tmp/x.db' }, { shadowDatabaseUrl: './tmp/shadow-x.db' });
const a = await f.connectToShadowDb();
const sql = readFileSync('prisma/migrations/20261123155332_init/migration.sql','utf8');
try { await a.executeScript(sql); console.log('ok'); } catch (e) { console.error('ERR', e); }
