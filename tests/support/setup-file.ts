// Runs before each test file, before it imports app code: a fresh copy of the migrated template database, so no
// test depends on another file's rows and none touches the development database.
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { TEMPLATE_DB, TEST_DB_DIR } from './paths';

const databaseFile = path.join(TEST_DB_DIR, `worker-${process.env.VITEST_POOL_ID ?? '0'}-${randomUUID()}.db`);
copyFileSync(TEMPLATE_DB, databaseFile);
process.env.DATABASE_URL = `file:${databaseFile}`;
process.env.APP_ENV = 'test';
process.env.SESSION_SECRET ??= 'test-session-secret-that-is-long-enough-0123456789';
process.env.BASE_URL = 'http://localhost:3000';
