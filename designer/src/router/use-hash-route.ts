import { useSyncExternalStore } from 'react';
import { hrefOf, parseHash, type Route } from './routes';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const currentHash = () => window.location.hash;

/** The route of the current location hash; re-renders when the hash changes. */
export function useHashRoute(): Route {
  const hash = useSyncExternalStore(subscribe, currentHash, () => '');
  return parseHash(hash);
}

/** Goes to a route (adds a history entry, so the back button works). */
export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}
