import { useEffect, useRef } from 'react';

/**
 * Calls `onChange` whenever the server says the tasks I may see changed (server-sent
 * events on /api/tasks/events, authenticated by the session cookie). The first event
 * only reports the current state and is skipped; EventSource reconnects by itself.
 */
export function useTaskEvents(onChange: () => void): void {
  const callback = useRef(onChange);
  callback.current = onChange;
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/tasks/events');
    let seen: string | null = null;
    source.addEventListener('tasks', (event) => {
      const { fingerprint } = JSON.parse((event as MessageEvent<string>).data) as { fingerprint: string };
      if (seen !== null && seen !== fingerprint) callback.current();
      seen = fingerprint;
    });
    return () => source.close();
  }, []);
}
