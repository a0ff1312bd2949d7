// `npm run bench`: every benchmark, one after another. Figures are printed, never asserted.
import { spawnSync } from 'node:child_process';

const benchmarks = [
  'tests/benchmarks/import-throughput.ts',
  'tests/benchmarks/sign-in-latency.ts',
  'tests/benchmarks/workspace-latency.ts',
];
let failed = false;
for (const script of benchmarks) {
  console.log(`\n=== ${script}`);
  const result = spawnSync('npx', ['tsx', script], { stdio: 'inherit' });
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);
