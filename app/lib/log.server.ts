import { env } from '~/lib/env.server';

// One JSON line per event on stdout (STYLE.md §8). Fields are primitives on purpose: ids, counts, codes and
// durations. Never names, contact details, postcodes, health or free text.
type Level = 'debug' | 'info' | 'warn' | 'error';
type LogFields = Record<string, string | number | boolean | null | undefined>;

const LEVEL_ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function write(level: Level, msg: string, fields: LogFields = {}) {
  if (LEVEL_ORDER[level] < LEVEL_ORDER[env.LOG_LEVEL]) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
  process.stdout.write(`${line}\n`);
}

export const log = {
  debug: (msg: string, fields?: LogFields) => write('debug', msg, fields),
  info: (msg: string, fields?: LogFields) => write('info', msg, fields),
  warn: (msg: string, fields?: LogFields) => write('warn', msg, fields),
  error: (msg: string, fields?: LogFields) => write('error', msg, fields),
};

/** Logs an unexpected error with its stack: the stack names code, not people. */
export function logError(msg: string, error: unknown, fields: LogFields = {}) {
  const details =
    error instanceof Error
      ? { errorName: error.name, errorMessage: error.message, stack: error.stack }
      : { errorName: typeof error, errorMessage: String(error) };
  write('error', msg, { ...fields, ...details });
}
