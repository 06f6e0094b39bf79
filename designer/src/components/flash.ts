/**
 * A one-shot message carried from one page to the next ("Task completed"), so the
 * tasklist can say what just happened after a task page sends the user back.
 */
let pending: string | null = null;

export function setFlash(message: string): void {
  pending = message;
}

/** The pending message, if any (reading does not remove it: see {@link clearFlash}). */
export function peekFlash(): string | null {
  return pending;
}

/** Forgets the message once the page that shows it has mounted. */
export function clearFlash(): void {
  pending = null;
}
