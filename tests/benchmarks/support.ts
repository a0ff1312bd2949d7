// Shared by the benchmarks: a fresh migrated database and the production server on 127.0.0.1, stopped afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { applyPendingMigrations } from '../../prisma/migrate.ts';
import { COUNCILS } from '../../prisma/seed/councils.ts';

export async function createBenchmarkDatabase(): Promise<{ file: string; url: string }> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ffem-bench-')), 'bench.db');
  const url = `file:${file}`;
  await applyPendingMigrations(url);
  const db = new Database(file);
  const insert = db.prepare('INSERT INTO Council (id, name, onsCode) VALUES (?, ?, ?)');
  for (const council of COUNCILS) insert.run(council.id, council.name, council.onsCode);
  db.close();
  return { file, url };
}

/**
 * Starts server.js on the production build. With BENCHMARK_PROFILE_DIR set, the server writes a V8 CPU profile there
 * when it stops (open it in Chrome's DevTools), to see where a benchmark's server time goes.
 */
export async function startProductionServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const profileDirectory = process.env.BENCHMARK_PROFILE_DIR;
  const profiling = profileDirectory ? ['--cpu-prof', `--cpu-prof-dir=${profileDirectory}`] : [];
  const child = spawn('node', [...profiling, 'server.js'], {
    env: { ...process.env, ...env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGTERM');
  throw new Error('The server did not answer /healthz within 30 seconds (run `npm run build` first).');
}

export function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * CPU time (user + system, ms) a process has used so far, from /proc: unlike requests/s, the CPU spent per request
 * hardly depends on how many other processes share the machine, so it shows what a change saved.
 */
export function serverCpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  // The command name in brackets may hold spaces; the fields after it are fixed. utime and stime are the 12th and
  // 13th fields after it, in clock ticks (100 per second on Linux).
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
