/**
 * The addresses of a process's version history (`#/processes/<key>/versions`) and of the
 * diff of two versions (`#/processes/<key>/diff?from=1&to=2`). Pure: no DOM access here.
 */

export type VersionsRoute = { name: 'versions'; key: string } | { name: 'diff'; key: string; from: number; to: number };

const versionOf = (text: string | null) => {
  const version = Number(text);
  return Number.isInteger(version) && version > 0 ? version : null;
};

/**
 * Reads `processes/<key>/versions` or `processes/<key>/diff?from&to` (segments already
 * decoded); null when the address is neither. A diff without two versions shows the history.
 */
export function versionsRouteOf(segments: string[], query: URLSearchParams): VersionsRoute | null {
  const [first, key, page] = segments;
  if (segments.length !== 3 || first !== 'processes') return null;
  if (page === 'versions') return { name: 'versions', key };
  if (page !== 'diff') return null;
  const from = versionOf(query.get('from'));
  const to = versionOf(query.get('to'));
  return from && to ? { name: 'diff', key, from, to } : { name: 'versions', key };
}

/** The `#/...` address of a versions route; `versionsRouteOf` reads it back. */
export function versionsHref(route: VersionsRoute): string {
  const base = `#/processes/${encodeURIComponent(route.key)}`;
  return route.name === 'versions' ? `${base}/versions` : `${base}/diff?from=${route.from}&to=${route.to}`;
}
