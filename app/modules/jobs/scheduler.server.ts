import { logError } from '~/lib/log.server';
import { formatTime, todayInLondon } from '~/lib/uk';
import { runDailyJobs } from './daily.server';

// Runs the daily job in the server process: once at start-up if it has not run today, then at 06:00 London time.
// Only the day of the last run is held in memory; a restart may run the job again, which is harmless because every
// step is idempotent (daily.server.ts). A one-minute check rather than a long timer keeps 06:00 right across the
// clock changes, and nothing is held in memory for longer than that (STYLE.md §3.1).

const RUN_AT = '06:00';
const CHECK_EVERY_MS = 60_000;
/** After a failed run, wait this long before trying again rather than failing every minute. */
const RETRY_AFTER_MS = 15 * 60_000;

let timer: NodeJS.Timeout | undefined;
let inFlight: Promise<unknown> | undefined;
let lastRunOn: string | null = null;
let retryAfter = 0;
let running = false;

function runIfDue(now: Date, { atStartUp }: { atStartUp: boolean }) {
  const today = todayInLondon(now);
  if (inFlight || lastRunOn === today || now.getTime() < retryAfter) return;
  if (!atStartUp && formatTime(now) < RUN_AT) return;
  inFlight = runDailyJobs({ today })
    .then(() => {
      lastRunOn = today;
    })
    .catch((error: unknown) => {
      retryAfter = now.getTime() + RETRY_AFTER_MS;
      logError('jobs.daily_failed', error, { today });
    })
    .finally(() => {
      inFlight = undefined;
    });
}

export function startDailyJobScheduler() {
  if (running) return;
  running = true;
  runIfDue(new Date(), { atStartUp: true });
  timer = setInterval(() => runIfDue(new Date(), { atStartUp: false }), CHECK_EVERY_MS);
  // The timer alone never keeps the process alive: shutdown does not wait for the next check.
  timer.unref();
}

/** For graceful shutdown: no new runs, and the run under way finishes. */
export async function stopDailyJobScheduler() {
  running = false;
  clearInterval(timer);
  timer = undefined;
  await inFlight;
}
