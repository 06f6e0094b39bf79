import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Loads again; the current data stays on screen meanwhile. */
  reload(): Promise<void>;
}

export interface ResourceOptions<T> {
  /** Reload every this many milliseconds while `shouldPoll(data)` says so. */
  pollMs?: number;
  shouldPoll?(data: T | undefined): boolean;
}

/**
 * Loads data for a page and keeps it fresh: reloads when `deps` change, optionally polls,
 * and ignores answers that arrive after the page moved on.
 */
export function useResource<T>(
  load: () => Promise<T>,
  deps: DependencyList,
  options: ResourceOptions<T> = {},
): Resource<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const next = await loadRef.current();
      if (mine !== generation.current) return;
      setData(next);
      setError(null);
    } catch (caught) {
      if (mine === generation.current) setError(caught);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    setData(undefined);
    void reload();
    return () => {
      generation.current++;
    };
    // `deps` are the caller's: the loader itself is read through a ref.
  }, deps);

  const { pollMs, shouldPoll } = options;
  const polling = pollMs !== undefined && (shouldPoll ? shouldPoll(data) : true);
  useEffect(() => {
    if (!polling) return;
    const timer = window.setInterval(() => void reload(), pollMs);
    return () => window.clearInterval(timer);
  }, [polling, pollMs, reload]);

  return { data, error, loading, reload };
}
