import path from 'node:path';
import { Resend } from 'resend';
import { env } from '~/lib/env.server';
import { startLocalResendServer, type LocalResendServer } from '~/modules/email/local-resend-server.server';

// Which transport sends email:
// - RESEND_API_KEY set: the real Resend API (or RESEND_BASE_URL, if set).
// - no key, outside production: the same SDK pointed at the local fake, started in this process on an ephemeral
//   127.0.0.1 port. In development it keeps its messages in data/mailbox.json, so /dev/mailbox survives a restart.
// - no key in production: refuse. env.server.ts already stops the process, and this is the second lock.
const LOCAL_API_KEY = 're_local_development_only';
const DEVELOPMENT_MAILBOX_FILE = path.resolve('data', 'mailbox.json');

// Kept on globalThis so dev reloads (Vite re-evaluates modules) reuse one fake server instead of starting another.
const globalForEmail = globalThis as unknown as { localResendServer?: Promise<LocalResendServer> };

export function usesLocalResendServer() {
  return !env.RESEND_API_KEY && env.APP_ENV !== 'production';
}

/** The in-process fake, started on first use; null when real email is configured. */
export function getLocalResendServer(): Promise<LocalResendServer> | null {
  if (!usesLocalResendServer()) return null;
  globalForEmail.localResendServer ??= startLocalResendServer({
    storeFile: env.APP_ENV === 'development' ? DEVELOPMENT_MAILBOX_FILE : undefined,
  });
  return globalForEmail.localResendServer;
}

/**
 * The Resend SDK client for the configured transport. Tests pass `{ baseUrl }` to aim a client at their own fake
 * server (the key is then a dummy unless a real one is configured, which tests never do).
 */
export async function getResendClient(options: { baseUrl?: string } = {}): Promise<Resend> {
  if (options.baseUrl) return new Resend(env.RESEND_API_KEY ?? LOCAL_API_KEY, { baseUrl: options.baseUrl });
  if (env.RESEND_API_KEY) return new Resend(env.RESEND_API_KEY, { baseUrl: env.RESEND_BASE_URL });
  const localServer = getLocalResendServer();
  if (!localServer) throw new Error('RESEND_API_KEY is required in production: no email can be sent without it.');
  return new Resend(LOCAL_API_KEY, { baseUrl: (await localServer).url });
}
