import { createContext, useContext } from 'react';

// The per-request CSP nonce from server.js, provided by entry.server.tsx for <Scripts> and <ScrollRestoration>.
// In the browser it is undefined: the scripts have already run, and browsers hide nonce attributes anyway.
export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
