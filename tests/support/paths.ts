import path from 'node:path';

export const TEST_DB_DIR = path.resolve(import.meta.dirname, '..', '.db');
