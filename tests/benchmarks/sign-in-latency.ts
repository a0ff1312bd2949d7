// Sign-in latency: POST /login with a real argon2id hash against the production build on 127.0.0.1.
// Bounded (a fixed number of requests), prints figures; exits non-zero only if a sign-in fails.
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { hashPassword } from '../../app/modules/auth/passwords.server.ts';
import { createBenchmarkDatabase, startProductionServer, stopServer } from './support.ts';

const PORT = 3211;
const REQUESTS = 200;
const CONNECTIONS = 4;
const PASSWORD = 'benchmark password 2026';

const { file, url } = await createBenchmarkDatabase();
const db = new Database(file);
db.prepare(
  "INSERT INTO User (id, email, name, role, councilId, passwordHash, active, updatedAt) VALUES ('bench-user', 'bench@ffem.example', 'Bench User', 'hubOfficer', NULL, ?, 1, CURRENT_TIMESTAMP)",
).run(await hashPassword(PASSWORD));
db.close();

const server = await startProductionServer(
  { DATABASE_URL: url, APP_ENV: 'test', SESSION_SECRET: 'benchmark-session-secret-long-enough-0123456789' },
  PORT,
);
try {
  const origin = `http://127.0.0.1:${PORT}`;
  const result = await autocannon({
    url: `${origin}/login`,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
    body: new URLSearchParams({ email: 'bench@ffem.example', password: PASSWORD, redirectTo: '' }).toString(),
    amount: REQUESTS,
    connections: CONNECTIONS,
  });
  const failures = result.non2xx - (result['3xx'] ?? 0);
  console.log(`Sign-in (POST /login, argon2id, ${CONNECTIONS} connections, ${REQUESTS} requests)`);
  console.log(`  requests/s ${result.requests.average.toFixed(1)}`);
  console.log(`  latency p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
  console.log(`  redirects (successful sign-ins) ${result['3xx']}, other non-2xx ${failures}, errors ${result.errors}`);
  if (result['3xx'] !== REQUESTS) {
    console.error('Not every sign-in succeeded: the benchmark measured the wrong thing.');
    process.exitCode = 1;
  }
} finally {
  await stopServer(server);
}
