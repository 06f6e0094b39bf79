/**
 * Picking what the process list shows. Pure.
 */

/** The newest version of each process, by name. */
export function latestVersions<T extends { key: string; version: number; name: string }>(definitions: T[]): T[] {
  const latest = new Map<string, T>();
  for (const definition of definitions) {
    const seen = latest.get(definition.key);
    if (!seen || seen.version < definition.version) latest.set(definition.key, definition);
  }
  return [...latest.values()].sort((a, b) => (a.name || a.key).localeCompare(b.name || b.key));
}
