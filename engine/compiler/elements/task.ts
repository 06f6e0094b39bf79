import { notYet } from './not-yet';

/** Placeholder until this kind is built (issue 3). */
export const task = notYet<'task'>();
