import type { TaskTab } from '../router/routes';

let last: TaskTab = 'mine';

/** Remembers which tasklist tab the user was on, to return there after completing a task. */
export function rememberTaskTab(tab: TaskTab): void {
  last = tab === 'completed' ? 'mine' : tab;
}

export function lastTaskTab(): TaskTab {
  return last;
}
