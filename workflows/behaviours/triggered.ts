import type { Triggered } from '../event-sub-processes';
import { isPlainObject } from '../feel';
import type { ElementContext } from './types';

/**
 * The event a token was started with (`token.resume.triggered`): a boundary event's or an
 * event sub-process start's trigger, or the event an event-based gateway chose. Its
 * `local` variables are put into the element's local scope, for its output mappings.
 */
export function triggeredBy(context: ElementContext): Triggered | undefined {
  const resume = context.token.resume;
  if (!isPlainObject(resume) || !isPlainObject(resume.triggered)) return undefined;
  const triggered = resume.triggered as Triggered;
  if (triggered.local) Object.assign(context.local, triggered.local);
  return triggered;
}
