import { openSchemaEngine, diffMigrationsToSchema } from '../prisma/schema-engine.ts';
const engine = await openSchemaEngine('file:./tmp/try2.db');
try { console.log(await diffMigrationsToSchema(engine)); } catch (e) { console.error('ERR', (e as Error).message.slice(0,300)); }
await engine.close();
