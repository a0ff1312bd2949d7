import { openSchemaEngine, diffMigrationsToSchema } from '../prisma/schema-engine.ts';
const engine = await openSchemaEngine('file:/tmp/try.db');
const sql = await diffMigrationsToSchema(engine);
console.log(sql.slice(0, 600));
console.log('len', sql.length);
