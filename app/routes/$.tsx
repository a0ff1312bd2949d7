import { data } from '@remix-run/node';

// Any address no other route matches: a 404 through the root ErrorBoundary, for GET and POST alike.
export function loader() {
  throw data({ message: 'Page not found' }, { status: 404 });
}

export const action = loader;

export default function CatchAll() {
  return null;
}
