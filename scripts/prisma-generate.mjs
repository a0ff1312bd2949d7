// `prisma generate` only checks that a schema-engine binary exists; it never runs it. Offline machines cannot
// download one (TOOLCHAIN.md), so point the check at a file that exists. On a connected machine with its own
// engine (PRISMA_SCHEMA_ENGINE_BINARY already set) nothing changes.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(new URL('../package.json', import.meta.url));
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
const result = spawnSync('npx', ['prisma', 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
