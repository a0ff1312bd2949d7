// `npm run bench`: every benchmark, one after another. Figures are printed, never asserted.
import { spawnSync } from 'node:child_process';

const benchmarks = [
  'tests/benchmarks/import-throughput.ts',
  'tests/benchmarks/sign-in-latency.ts',
  'tests/benchmarks/workspace-latency.ts',
  'tests/benchmarks/enquiry-throughput.ts',
  // A tenth of the national scale keeps the run short; the full 1,000,000 households (about 2.3 GB, cached under
  // tests/.db/) is `npx tsx tests/benchmarks/reporting-scale.ts`.
  'tests/benchmarks/reporting-scale.ts --households 100000',
];
let failed = false;
for (const script of benchmarks) {
  console.log(`\n=== ${script}`);
  const result = spawnSync('npx', ['tsx', ...script.split(' ')], { stdio: 'inherit' });
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);
