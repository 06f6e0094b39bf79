import { useEffect, useState } from 'react';
import { listDefinitions } from '../api/endpoints';

let cached: Promise<Record<string, string>> | null = null;

/**
 * Process key → the process name people know it by, loaded once per page load.
 * Falls back to the key while loading or when the list cannot be read.
 */
export function useDefinitionNames(): (key: string) => string {
  const [names, setNames] = useState<Record<string, string>>({});
  useEffect(() => {
    cached ??= listDefinitions()
      .then((definitions) => Object.fromEntries(definitions.map((d) => [d.key, d.name || d.key])))
      .catch(() => {
        cached = null;
        return {};
      });
    let current = true;
    void cached.then((loaded) => current && setNames(loaded));
    return () => {
      current = false;
    };
  }, []);
  return (key) => names[key] ?? key;
}
