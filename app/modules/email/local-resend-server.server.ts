import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

// A stand-in for the Resend HTTP API, so development and tests run the real SDK end to end with no email leaving
// the machine (TOOLCHAIN.md). It mimics only what the outbox relies on: POST /emails, bearer auth, the
// Idempotency-Key header and Resend's JSON error shape. GET /__messages is ours, for the dev mailbox and tests.

export type LocalMessage = {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string | null;
  idempotencyKey: string | null;
  /** How many accepted POSTs carried this message's key: more than 1 means the sender sent it twice. */
  deliveries: number;
  receivedAt: string;
};

export type LocalResendServer = {
  url: string;
  port: number;
  messages(): LocalMessage[];
  setOutage(on: boolean): void;
  failNext(count: number, status: number): void;
  close(): Promise<void>;
};

const ERROR_NAMES: Record<number, string> = {
  401: 'missing_api_key',
  422: 'validation_error',
  429: 'rate_limit_exceeded',
};

function createStore(storeFile: string | undefined) {
  let memory: LocalMessage[] = [];
  const load = (): LocalMessage[] => {
    if (!storeFile) return memory;
    try {
      return JSON.parse(readFileSync(storeFile, 'utf8')) as LocalMessage[];
    } catch {
      return [];
    }
  };
  const save = (messages: LocalMessage[]) => {
    memory = messages;
    if (!storeFile) return;
    mkdirSync(path.dirname(storeFile), { recursive: true });
    // Write then rename, so a crash mid-write never leaves a half-written mailbox.
    writeFileSync(`${storeFile}.tmp`, JSON.stringify(messages, null, 1));
    renameSync(`${storeFile}.tmp`, storeFile);
  };
  return { load, save };
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

function sendError(response: ServerResponse, status: number, message: string) {
  const name = ERROR_NAMES[status] ?? (status >= 500 ? 'internal_server_error' : 'application_error');
  sendJson(response, status, { statusCode: status, name, message });
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const isFilledString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

export async function startLocalResendServer({ port = 0, storeFile }: { port?: number; storeFile?: string } = {}) {
  const store = createStore(storeFile);
  let outage = false;
  const planned: number[] = [];

  async function acceptEmail(request: IncomingMessage, response: ServerResponse) {
    if (outage) return sendError(response, 503, 'The service is unavailable (local outage).');
    const plannedStatus = planned.shift();
    if (plannedStatus !== undefined) return sendError(response, plannedStatus, `Planned failure ${plannedStatus}.`);
    if (!/^Bearer \S+/.test(request.headers.authorization ?? '')) {
      return sendError(response, 401, 'Missing API key in the authorization header.');
    }
    const body = await readJson(request);
    const to = typeof body?.to === 'string' ? [body.to] : body?.to;
    const toIsValid = Array.isArray(to) && to.length > 0 && to.every(isFilledString);
    if (!body || !isFilledString(body.from) || !toIsValid || !isFilledString(body.subject) || !isFilledString(body.html)) {
      return sendError(response, 422, 'from, to, subject and html are required.');
    }
    const header = request.headers['idempotency-key'];
    const idempotencyKey = typeof header === 'string' && header ? header : null;
    const messages = store.load();
    const earlier = idempotencyKey ? messages.find((message) => message.idempotencyKey === idempotencyKey) : undefined;
    if (earlier) {
      earlier.deliveries += 1;
      store.save(messages);
      return sendJson(response, 200, { id: earlier.id });
    }
    const message: LocalMessage = {
      id: randomUUID(),
      from: body.from,
      to: to as string[],
      subject: body.subject,
      html: body.html,
      text: typeof body.text === 'string' ? body.text : null,
      idempotencyKey,
      deliveries: 1,
      receivedAt: new Date().toISOString(),
    };
    store.save([...messages, message]);
    sendJson(response, 200, { id: message.id });
  }

  const server = createServer((request, response) => {
    const route = `${request.method} ${request.url?.split('?')[0]}`;
    if (route === 'POST /emails') {
      acceptEmail(request, response).catch(() => sendError(response, 500, 'The local fake failed.'));
    } else if (route === 'GET /__messages') {
      sendJson(response, 200, store.load());
    } else {
      sendError(response, 404, `No route ${route}.`);
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  // Never the reason a process stays alive: a script that sent its email can simply end.
  server.unref();
  const address = server.address() as AddressInfo;

  const handle: LocalResendServer = {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    messages: () => structuredClone(store.load()),
    setOutage: (on) => {
      outage = on;
    },
    failNext: (count, status) => {
      planned.push(...Array.from({ length: count }, () => status));
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return handle;
}
