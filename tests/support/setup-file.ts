// Runs before each test file, before it imports app code: a fresh copy of the migrated template database, so no
// test depends on another file's rows and none touches the development database.
import { randomUUID } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';

const runDir = inject('testRunDir');
const databaseFile = path.join(runDir, `file-${randomUUID()}.db`);
copyFileSync(path.join(runDir, 'template.db'), databaseFile);
process.env.DATABASE_URL = `file:${databaseFile}`;
process.env.APP_ENV = 'test';
process.env.SESSION_SECRET ??= 'test-session-secret-that-is-long-enough-0123456789';
process.env.BASE_URL = 'http://localhost:3000';
