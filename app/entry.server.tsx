import { PassThrough } from 'node:stream';

import type { AppLoadContext, EntryContext, HandleErrorFunction } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { isRouteErrorResponse, RemixServer } from '@remix-run/react';
import { isbot } from 'isbot';
import { renderToPipeableStream } from 'react-dom/server';

import { applyConnectionPragmas } from '~/lib/db.server';
import { requestId } from '~/lib/http.server';
import { logError } from '~/lib/log.server';
import { startWalCheckpointer, stopWalCheckpointer } from '~/lib/wal-checkpointer.server';
import { NonceContext } from '~/lib/nonce';
import { startOutboxDispatcher, stopOutboxDispatcher } from '~/modules/email/dispatcher.server';
import { startDailyJobScheduler, stopDailyJobScheduler } from '~/modules/jobs/scheduler.server';

// With single fetch, Remix rejects promises still pending after streamTimeout; the render is aborted a second
// later so the rejections reach the browser first.
export const streamTimeout = 5_000;

/** Called once by server.js after it starts listening. */
export async function startBackgroundJobs() {
  await applyConnectionPragmas();
  await startWalCheckpointer();
  startOutboxDispatcher();
  startDailyJobScheduler();
}

/** Called by server.js on SIGTERM or SIGINT, before it waits for in-flight requests. */
export async function stopBackgroundJobs() {
  await Promise.all([stopOutboxDispatcher(), stopDailyJobScheduler()]);
  await stopWalCheckpointer();
}

// Unexpected errors are logged once, here (STYLE.md §8). Aborted requests (the person navigated away) and
// deliberate HTTP answers thrown with data() are not errors.
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted || isRouteErrorResponse(error)) return;
  logError('request.unexpected_error', error, { requestId: requestId(request), method: request.method });
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // Crawlers and SPA mode get the whole document at once; browsers get the shell as soon as it is ready.
  const waitForAllContent = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode;
  const nonce = loadContext.nonce;

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const sendResponse = () => {
      shellRendered = true;
      const body = new PassThrough();
      const stream = createReadableStreamFromReadable(body);
      responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
      resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        onShellReady: waitForAllContent ? undefined : sendResponse,
        onAllReady: waitForAllContent ? sendResponse : undefined,
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors before the shell is ready reject above and Remix reports them through handleError.
          if (shellRendered) logError('render.stream_error', error, { requestId: requestId(request) });
        },
      },
    );
    setTimeout(abort, streamTimeout + 1_000);
  });
}
