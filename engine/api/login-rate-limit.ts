/**
 * Failed-login throttling per username + client address. In memory, so each API
 * process counts on its own and a restart forgets: good enough for one embedded
 * server; a scaled-out deployment should move this to a shared store.
 */
export interface LoginRateLimitOptions {
  /** Failures allowed inside the window before further attempts are refused. */
  maxFailures: number;
  windowMs: number;
  now?: () => number;
}

const MAX_TRACKED_KEYS = 10_000;

export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly now: () => number;

  constructor(private readonly options: LoginRateLimitOptions = { maxFailures: 5, windowMs: 15 * 60_000 }) {
    this.now = options.now ?? Date.now;
  }

  /** Seconds until `key` may try again, or 0 when it may try now. */
  retryAfterSeconds(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.options.maxFailures) return 0;
    const oldestCounted = recent[recent.length - this.options.maxFailures];
    return Math.max(1, Math.ceil((oldestCounted + this.options.windowMs - this.now()) / 1000));
  }

  recordFailure(key: string): void {
    if (!this.failures.has(key) && this.failures.size >= MAX_TRACKED_KEYS) this.prune();
    this.failures.set(key, [...this.recent(key), this.now()]);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.options.windowMs;
    return (this.failures.get(key) ?? []).filter((at) => at > since);
  }

  private prune(): void {
    for (const key of [...this.failures.keys()]) {
      if (this.recent(key).length === 0) this.failures.delete(key);
    }
    if (this.failures.size >= MAX_TRACKED_KEYS) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
  }
}

export function loginKey(username: string, ip: string | undefined): string {
  return `${username.toLowerCase()}|${ip ?? 'unknown'}`;
}
