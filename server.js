// The production server: `npm start` after `npm run build`. Plain JavaScript, so it runs without a build step.
// It reads only the few variables it needs from the environment; the app validates the rest in
// app/lib/env.server.ts when the build loads.
import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';

import { createRequestHandler } from '@remix-run/express';
import compression from 'compression';
import express from 'express';

// Express and React both read NODE_ENV; this server only ever serves the production build.
process.env.NODE_ENV = 'production';

const PORT = Number(process.env.PORT ?? 3000);
const HOST = process.env.HOST ?? '0.0.0.0';
const TRUST_PROXY = process.env.TRUST_PROXY === 'true' || process.env.TRUST_PROXY === '1';
const IS_PRODUCTION = process.env.APP_ENV === 'production';
const SHUTDOWN_GRACE_MS = 10_000;

const clientDirectory = fileURLToPath(new URL('./build/client', import.meta.url));
const build = await import(new URL('./build/server/index.js', import.meta.url).href);

function log(level, msg, fields = {}) {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })}\n`);
}

const app = express();
app.disable('x-powered-by');
// Behind one reverse proxy, X-Forwarded-Proto/Host/For describe the real request; otherwise they are ignored,
// because anyone could send them.
app.set('trust proxy', TRUST_PROXY ? 1 : false);

let shuttingDown = false;

app.use((req, res, next) => {
  const started = process.hrtime.bigint();
  // Always our own id: a client-supplied one could collide with another request's in the logs.
  const requestId = randomUUID();
  req.headers['x-request-id'] = requestId;
  res.locals.requestId = requestId;
  res.setHeader('X-Request-Id', requestId);
  if (shuttingDown) res.setHeader('Connection', 'close');
  res.on('finish', () => {
    log('info', 'request', {
      method: req.method,
      // originalUrl, not path: middleware mounted on /assets sees a shortened path. The query may carry tokens.
      path: req.originalUrl.split('?')[0],
      status: res.statusCode,
      durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
      requestId,
    });
  });
  next();
});

app.use((req, res, next) => {
  const nonce = randomBytes(16).toString('base64');
  res.locals.nonce = nonce;
  res.setHeader(
    'Content-Security-Policy',
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      // The development mailbox shows emails as their recipients see them, inline styles included. It answers
      // 404 in production, so production never relaxes this.
      !IS_PRODUCTION && req.path.startsWith('/dev/mailbox') ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
      "img-src 'self' data:",
      "object-src 'none'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ].join('; '),
  );
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  if (IS_PRODUCTION) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  next();
});

/** protocol + host of this request as the browser addressed it, e.g. "https://crm.example.gov.uk". */
function ownOrigin(req) {
  const forwardedHost = TRUST_PROXY ? req.get('x-forwarded-host')?.split(',')[0].trim() : undefined;
  const host = forwardedHost || req.get('host');
  if (!host) return null;
  try {
    // req.protocol honours X-Forwarded-Proto only when trust proxy is on.
    return new URL(`${req.protocol}://${host}`).origin;
  } catch {
    return null;
  }
}

function originOf(value) {
  if (!value || value === 'null') return null;
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

const CSRF_REJECTION_PAGE = `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>This form could not be sent – Foster for East Midlands</title></head>
<body>
<main>
<h1>This form could not be sent</h1>
<p>This form could not be sent. Go back, reload the page and try again.</p>
</main>
</body>
</html>
`;

// Cross-site request forgery: a form posted from another site carries that site's Origin (or Referer), so every
// state-changing request must come from a page of ours. This works with JavaScript off and needs no token.
app.use((req, res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD') return next();
  const expected = ownOrigin(req);
  const claimed = originOf(req.get('origin')) ?? originOf(req.get('referer'));
  if (expected && claimed === expected) return next();
  log('warn', 'csrf.origin_rejected', {
    requestId: res.locals.requestId,
    method: req.method,
    path: req.originalUrl.split('?')[0],
    origin: claimed,
    expected,
  });
  res.status(403).type('html').send(CSRF_REJECTION_PAGE);
});

app.use(compression());
// Vite fingerprints everything under /assets, so a year's cache is safe.
app.use('/assets', express.static(`${clientDirectory}/assets`, { immutable: true, maxAge: '1y', index: false }));
app.use(express.static(clientDirectory, { maxAge: '1h', index: false }));

app.all(
  '*',
  createRequestHandler({
    build,
    mode: 'production',
    // req.ip is the socket's address, or X-Forwarded-For's when TRUST_PROXY is on (see 'trust proxy' above).
    getLoadContext: (req, res) => ({ nonce: res.locals.nonce, requestId: res.locals.requestId, clientIp: req.ip }),
  }),
);

// Express's own handler would print a stack trace; ours prints a plain page and logs the error once.
app.use((error, req, res, next) => {
  log('error', 'request.unhandled_error', {
    requestId: res.locals.requestId,
    errorName: error instanceof Error ? error.name : typeof error,
    errorMessage: error instanceof Error ? error.message : String(error),
    stack: error instanceof Error ? error.stack : undefined,
  });
  if (res.headersSent) return next(error);
  res.status(500).type('text').send('Sorry, there is a problem with the service. Try again later.');
});

const server = app.listen(PORT, HOST, () => {
  log('info', 'server.listening', { host: HOST, port: PORT });
});

try {
  await build.entry.module.startBackgroundJobs?.();
} catch (error) {
  log('error', 'server.background_jobs_failed', {
    errorMessage: error instanceof Error ? error.message : String(error),
    stack: error instanceof Error ? error.stack : undefined,
  });
  process.exit(1);
}

async function shutdown(signal) {
  if (shuttingDown) return;
  shuttingDown = true;
  log('info', 'server.shutting_down', { signal });

  const allClosed = new Promise((resolve) => server.close(() => resolve('closed')));
  server.closeIdleConnections();
  try {
    await build.entry.module.stopBackgroundJobs?.();
  } catch (error) {
    log('error', 'server.background_jobs_stop_failed', {
      errorMessage: error instanceof Error ? error.message : String(error),
    });
  }

  let timer;
  const graceOver = new Promise((resolve) => {
    timer = setTimeout(() => resolve('timeout'), SHUTDOWN_GRACE_MS);
  });
  const outcome = await Promise.race([allClosed, graceOver]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    log('warn', 'server.shutdown_grace_expired', { graceMs: SHUTDOWN_GRACE_MS });
    server.closeAllConnections();
  }
  log('info', 'server.stopped', { signal });
  process.exit(0);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
