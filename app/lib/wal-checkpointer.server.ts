import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { prisma } from '~/lib/db.server';
import { logError } from '~/lib/log.server';

// SQLite copies its write-ahead log back into the database inside whichever commit takes the log past 1,000 pages.
// On this app's one shared connection that commit then holds the event loop for the copy and its fsync (about 10 ms
// on the development machine, once in every 25 or so pipeline events), and every request in flight waits with it.
// While the server runs, its connection never checkpoints; a worker thread with a connection of its own does,
// every second, in PASSIVE mode, which never waits for or blocks readers and writers (decision 017).

const DEFAULT_INTERVAL_MS = 1000;
/** SQLite's own default, put back whenever the worker is not there to do the work. */
const AUTOCHECKPOINT_PAGES = 1000;

/** SQLite's answer to wal_checkpoint: frames in the log, and how many of them are now in the database. */
export type CheckpointResult = { busy: number; log: number; checkpointed: number };

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.betterSqlite3);
const db = new Database(workerData.file, { timeout: 5000 });
setInterval(() => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ result });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message ? error.message : error) });
  }
}, workerData.intervalMs);
`;

let worker: Worker | undefined;

/**
 * Starts the checkpointing thread for the database the app is connected to and stops the app's connection from
 * checkpointing. `onCheckpoint` hears every result (for tests and diagnostics).
 */
export async function startWalCheckpointer({
  intervalMs = DEFAULT_INTERVAL_MS,
  onCheckpoint,
}: { intervalMs?: number; onCheckpoint?: (result: CheckpointResult) => void } = {}) {
  if (worker) return;
  const [main] = await prisma.$queryRawUnsafe<{ name: string; file: string }[]>("SELECT name, file FROM pragma_database_list WHERE name = 'main'");
  if (!main?.file) return; // an in-memory database has no log to checkpoint
  const betterSqlite3 = createRequire(import.meta.url).resolve('better-sqlite3');
  const started = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: main.file, intervalMs, betterSqlite3 } });
  worker = started;
  started.on('message', (message: { result?: CheckpointResult; error?: string }) => {
    if (message.result) onCheckpoint?.(message.result);
    if (message.error) logError('database.checkpoint_failed', new Error(message.error));
  });
  started.on('error', (error) => logError('database.checkpointer_failed', error));
  started.on('exit', () => {
    if (worker !== started) return;
    worker = undefined;
    // Without the worker the log would grow for ever: the app's connection checkpoints again, as SQLite would.
    void prisma.$queryRawUnsafe(`PRAGMA wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`).catch((error: unknown) => logError('database.autocheckpoint_restore_failed', error));
  });
  await prisma.$queryRawUnsafe('PRAGMA wal_autocheckpoint = 0');
}

export async function stopWalCheckpointer() {
  const stopping = worker;
  if (!stopping) return;
  worker = undefined;
  await stopping.terminate();
  await prisma.$queryRawUnsafe(`PRAGMA wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
}
