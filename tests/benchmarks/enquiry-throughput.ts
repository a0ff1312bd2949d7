// Public enquiry throughput (issue 5): sustained POST /enquire against the production build on 127.0.0.1, each
// request a different enquiry with its own idempotency key. Prints requests/s, accepted enquiries/s and p50/p95/p99
// latency, then checks that every accepted submission (a 3xx to the confirmation page) is in the database exactly
// once and nothing else was stored. Beside it, the same route posted with the honeypot filled (nothing written)
// shows what the shared machine allowed the web layer at that moment. A second short run at the normal per-IP limit
// checks the excess is answered 429 with the friendly page and nothing is lost. Exits non-zero only when a
// correctness check fails, never on timing (STYLE.md §9). Run `npx remix vite:build` first: the server serves build/.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { createBenchmarkDatabase, serverCpuMs, startProductionServer, stopServer } from './support.ts';

// 3100 belongs to Playwright, 3211 to the sign-in benchmark and 3212 to the workspace benchmark.
const PORT = 3213;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const SESSION_SECRET = 'benchmark-session-secret-long-enough-0123456789';
const SUSTAINED_SECONDS = 20;
const SUSTAINED_CONNECTIONS = 16;
const FLOOR_SECONDS = 5;
const RAISED_LIMIT = 1_000_000;
// The normal setting (app/lib/env.server.ts) and a short burst well past it.
const NORMAL_LIMIT = 5;
const BURST_REQUESTS = 100;
const BURST_CONNECTIONS = 4;
const REQUEST_TIMEOUT_SECONDS = 30;
const TARGET_PER_SECOND = 500;
const FRIENDLY_PAGE_TEXT = 'Please wait a few minutes';
// Postcodes that land in each council, a straddling district and one outside D2N2, so every path of the form runs.
const POSTCODES = ['DE1 2AA', 'DE4 3AG', 'NG1 5DT', 'NG18 1AA', 'NG2 1AA', 'LE1 5WW'];

if (!existsSync(new URL('../../build/server/index.js', import.meta.url))) {
  console.error('build/server/index.js is missing: run `npx remix vite:build` first, then run this benchmark again.');
  process.exit(1);
}

let failures = 0;
function fail(message: string) {
  failures += 1;
  console.error(`  WRONG: ${message}`);
}

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

let sequence = 0;
function enquiryBody(idempotencyKey: string): string {
  sequence += 1;
  return new URLSearchParams([
    ['idempotencyKey', idempotencyKey],
    ['firstName', 'Bench'],
    ['lastName', `Enquirer ${sequence}`],
    ['otherAdults', '0'],
    ['children', '1'],
    ['email', `bench.${sequence}@example.test`],
    ['phone', '07700 900982'],
    ['preferredContactTime', 'evening'],
    ['postcode', POSTCODES[sequence % POSTCODES.length]],
    ['interests', 'mainstream'],
    ['interests', 'shortBreaks'],
    ['source', 'socialMedia'],
    ['consentToContact', 'yes'],
    ['website', ''],
  ]).toString();
}

/** A bot's post: the honeypot filled in, so the form answers as usual and stores nothing. */
function honeypotBody(): string {
  return new URLSearchParams([['firstName', 'Bench'], ['website', 'https://spam.example']]).toString();
}

type Outcome = { status: number; body: string };

type RunResult = { result: autocannon.Result; sent: Set<string>; outcomes: Map<string, Outcome>; latencies: number[] };

/** One autocannon run in which every request carries a new idempotency key; the outcome of each key is kept. */
async function run(options: { duration?: number; amount?: number; connections: number }): Promise<RunResult> {
  const sent = new Set<string>();
  const outcomes = new Map<string, Outcome>();
  const latencies: number[] = [];
  // The connection's context names the request in flight on it (one at a time: no pipelining).
  const keyOf = new WeakMap<object, string>();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${ORIGIN}/enquire`,
        ...(options.duration ? { duration: options.duration } : { amount: options.amount }),
        connections: options.connections,
        timeout: REQUEST_TIMEOUT_SECONDS,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
            setupRequest: (request, context) => {
              const key = randomUUID();
              keyOf.set(context, key);
              sent.add(key);
              return { ...request, body: enquiryBody(key) };
            },
            onResponse: (status, body, context) => {
              const key = keyOf.get(context);
              if (key) outcomes.set(key, { status, body });
            },
          },
        ],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  return { result, sent, outcomes, latencies };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const accepted = (outcome: Outcome) => outcome.status >= 200 && outcome.status < 400;

function storedKeys(file: string): Map<string, number> {
  const db = new Database(file, { readonly: true });
  const rows = db
    .prepare('SELECT idempotencyKey AS key, COUNT(*) AS n FROM Household GROUP BY idempotencyKey')
    .all() as { key: string | null; n: number }[];
  db.close();
  return new Map(rows.map((row) => [row.key ?? '(none)', row.n]));
}

/**
 * Every accepted key stored exactly once and nothing refused stored. A timed run stops with one request in flight
 * per connection at most: those may or may not have been stored, and are counted, not failed. Anything stored under
 * a key never sent is a failure.
 */
function checkExactlyOnce(label: string, run: RunResult, stored: Map<string, number>, before: Map<string, number>) {
  const { sent, outcomes } = run;
  let lost = 0;
  let duplicated = 0;
  let unexpected = 0;
  for (const [key, outcome] of outcomes) {
    const count = stored.get(key) ?? 0;
    if (accepted(outcome)) {
      if (count === 0) lost += 1;
      if (count > 1) duplicated += 1;
    } else if (count > 0) unexpected += 1;
  }
  const unanswered = [...sent].filter((key) => !outcomes.has(key));
  const inFlightStored = unanswered.filter((key) => (stored.get(key) ?? 0) === 1).length;
  const strays = [...stored.keys()].filter((key) => !before.has(key) && !sent.has(key)).length;
  console.log(
    `  ${label}: lost ${lost}, duplicated ${duplicated}, stored though refused ${unexpected}, stored under a key never sent ${strays}` +
      ` (${unanswered.length} in flight when the run stopped, ${inFlightStored} of them stored once)`,
  );
  if (unanswered.length > run.result.connections) fail(`${label}: ${unanswered.length} requests got no answer`);
  if (lost > 0) fail(`${label}: ${lost} accepted enquiries are not in the database`);
  if (duplicated > 0) fail(`${label}: ${duplicated} accepted enquiries are in the database more than once`);
  if (unexpected > 0) fail(`${label}: ${unexpected} refused enquiries were stored`);
  if (strays > 0) fail(`${label}: ${strays} enquiries were stored under keys the benchmark never sent`);
}

const database = await createBenchmarkDatabase();
const serverEnv = (limit: number) => ({
  DATABASE_URL: database.url,
  APP_ENV: 'test',
  SESSION_SECRET,
  BASE_URL: ORIGIN,
  ENQUIRY_RATE_LIMIT: String(limit),
});

console.log(`Public enquiries (POST /enquire, production build, 127.0.0.1), load average before: ${loadAverage()}`);

// ---------------------------------------------------------------- sustained, with the per-IP limit raised

let server = await startProductionServer(serverEnv(RAISED_LIMIT), PORT);
try {
  // A few requests first, so the first measured ones do not pay for the server's warm-up.
  await run({ amount: 50, connections: 2 });
  const before = storedKeys(database.file);
  // The same route, parsing and redirect with nothing written: what this machine allows the web layer right now.
  const floor = await autocannon({
    url: `${ORIGIN}/enquire`,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
    body: honeypotBody(),
    duration: FLOOR_SECONDS,
    connections: SUSTAINED_CONNECTIONS,
  });
  console.log(
    `Floor (honeypot posts, nothing stored): ${(floor.requests.total / floor.duration).toFixed(1)} requests/s, p50 ${floor.latency.p50} ms`,
  );
  if (storedKeys(database.file).size !== before.size) fail('a honeypot post was stored');
  const cpuBefore = serverCpuMs(server.pid);
  const sustained = await run({ duration: SUSTAINED_SECONDS, connections: SUSTAINED_CONNECTIONS });
  const serverCpu = serverCpuMs(server.pid) - cpuBefore;
  const { result, outcomes, latencies } = sustained;
  const sorted = [...latencies].sort((a, b) => a - b);
  const acceptedCount = [...outcomes.values()].filter(accepted).length;
  const seconds = result.duration;
  console.log(`Sustained: ${SUSTAINED_SECONDS} s, ${SUSTAINED_CONNECTIONS} connections, ENQUIRY_RATE_LIMIT=${RAISED_LIMIT}`);
  console.log(`  requests ${result.requests.total}, answered ${outcomes.size}, errors ${result.errors}, timeouts ${result.timeouts}`);
  console.log(`  requests/s ${(result.requests.total / seconds).toFixed(1)}`);
  console.log(`  accepted (3xx) ${acceptedCount}, ${(acceptedCount / seconds).toFixed(1)} accepted enquiries/s (target ${TARGET_PER_SECOND})`);
  console.log(
    `  latency p50 ${percentile(sorted, 50)} ms, p95 ${percentile(sorted, 95)} ms, p99 ${percentile(sorted, 99)} ms, max ${sorted.at(-1)} ms`,
  );
  console.log(
    `  server CPU ${(serverCpu / 1000).toFixed(1)} s in ${seconds} s (${((serverCpu / 1000 / seconds) * 100).toFixed(0)}% of one core),` +
      ` ${(serverCpu / Math.max(1, acceptedCount)).toFixed(2)} ms per accepted enquiry, outbox dispatcher included`,
  );
  console.log(`  load average after: ${loadAverage()}`);
  if (acceptedCount !== outcomes.size) fail(`${outcomes.size - acceptedCount} enquiries were refused at the raised limit`);
  checkExactlyOnce('sustained', sustained, storedKeys(database.file), before);
} finally {
  await stopServer(server);
}

// ---------------------------------------------------------------- a short burst at the normal per-IP limit

server = await startProductionServer(serverEnv(NORMAL_LIMIT), PORT);
try {
  const before = storedKeys(database.file);
  const burst = await run({ amount: BURST_REQUESTS, connections: BURST_CONNECTIONS });
  const { outcomes } = burst;
  const values = [...outcomes.values()];
  const acceptedCount = values.filter(accepted).length;
  const limited = values.filter((outcome) => outcome.status === 429);
  const friendly = limited.filter((outcome) => outcome.body.includes(FRIENDLY_PAGE_TEXT)).length;
  const other = values.length - acceptedCount - limited.length;
  console.log(`Burst: ${BURST_REQUESTS} requests, ${BURST_CONNECTIONS} connections, ENQUIRY_RATE_LIMIT=${NORMAL_LIMIT} (the normal setting)`);
  console.log(`  accepted ${acceptedCount}, answered 429 ${limited.length} (${friendly} with the friendly page), other ${other}`);
  if (outcomes.size !== BURST_REQUESTS) fail(`${BURST_REQUESTS - outcomes.size} requests got no answer`);
  if (acceptedCount !== NORMAL_LIMIT) fail(`expected exactly ${NORMAL_LIMIT} accepted from one address, got ${acceptedCount}`);
  if (friendly !== limited.length) fail(`${limited.length - friendly} answers of 429 did not show the friendly page`);
  if (other > 0) fail(`${other} answers were neither accepted nor 429`);
  checkExactlyOnce('burst', burst, storedKeys(database.file), before);
} finally {
  await stopServer(server);
}

if (failures > 0) {
  console.error(`${failures} correctness checks failed.`);
  process.exitCode = 1;
}
