import { useEffect, useRef, type RefObject } from 'react';
import type { Route } from './routes';

/** Which page a route shows: another tab, filter or draft of the same page is not a new page. */
export function pageOf(route: Route): string {
  if (route.name === 'task' || route.name === 'instance') return `${route.name}/${route.id}`;
  if (route.name === 'monitor') return `monitor/${route.list ?? ''}`;
  return route.name;
}

/**
 * Moves the keyboard focus to `target` (the page's `<main>`) when the user goes to another
 * page, as a full page load would: the next Tab starts in the new page's content, and a
 * screen reader reads from there, instead of from wherever the link that led here was.
 */
export function useFocusOnPageChange(route: Route, target: RefObject<HTMLElement | null>): void {
  const page = pageOf(route);
  const previous = useRef(page);
  useEffect(() => {
    if (previous.current === page) return;
    previous.current = page;
    target.current?.focus({ preventScroll: true });
  }, [page, target]);
}
