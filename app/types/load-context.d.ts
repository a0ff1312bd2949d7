import '@remix-run/node';

// What server.js passes to every loader and action. Both are absent under the Vite dev server and in tests, so
// read the request id through `requestId(request)` from `~/lib/http.server`.
declare module '@remix-run/node' {
  interface AppLoadContext {
    nonce?: string;
    requestId?: string;
    /** The visitor's address, for per-IP rate limits. */
    clientIp?: string;
  }
}
