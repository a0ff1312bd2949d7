import { data } from '@remix-run/node';
import { Conflict, Forbidden, NotFound, TransitionRejected, ValidationFailed } from '~/lib/errors';

/**
 * Wraps a loader or action body and turns the typed domain errors into HTTP answers, the one place that does so
 * (STYLE.md §8). Anything else is rethrown untouched, so Remix logs it in `handleError` and shows a 500.
 *
 *   export const loader = (args: LoaderFunctionArgs) => handleDomainErrors(async () => { … });
 */
export async function handleDomainErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof NotFound) throw data({ message: error.message }, { status: 404 });
    if (error instanceof Forbidden) throw data({ message: error.message }, { status: 403 });
    if (error instanceof Conflict || error instanceof TransitionRejected) {
      throw data({ message: error.message }, { status: 409 });
    }
    if (error instanceof ValidationFailed) {
      throw data({ message: error.message, fieldErrors: error.fieldErrors }, { status: 400 });
    }
    throw error;
  }
}

// Without server.js in front (the Vite dev server, tests) there is no header; give each request one stable id.
const fallbackIds = new WeakMap<Request, string>();

/** The id server.js gave this request (`x-request-id`), for logs, audit rows and error pages. */
export function requestId(request: Request): string {
  const fromServer = request.headers.get('x-request-id');
  if (fromServer) return fromServer;
  let id = fallbackIds.get(request);
  if (!id) {
    id = crypto.randomUUID();
    fallbackIds.set(request, id);
  }
  return id;
}
