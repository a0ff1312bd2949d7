// Prints "N passed, N failed" for the whole run from the Vitest and Playwright JSON reports and the checks file.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;

const checks = path.join(dir, 'checks.txt');
if (existsSync(checks)) {
  for (const line of readFileSync(checks, 'utf8').split('\n').filter(Boolean)) {
    if (line.endsWith(' passed')) passed += 1;
    else failed += 1;
  }
}

const vitest = path.join(dir, 'vitest.json');
if (existsSync(vitest)) {
  const report = JSON.parse(readFileSync(vitest, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests + (report.numTotalTestSuites > 0 ? 0 : 1);
  failed += report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
} else {
  console.error('No Vitest report was written.');
  failed += 1;
}

const playwright = path.join(dir, 'playwright.json');
if (existsSync(playwright)) {
  const { stats } = JSON.parse(readFileSync(playwright, 'utf8'));
  passed += stats.expected;
  failed += stats.unexpected + stats.flaky;
  if (stats.skipped > 0) console.error(`${stats.skipped} Playwright test(s) were skipped.`);
} else {
  console.error('No Playwright report was written.');
  failed += 1;
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
