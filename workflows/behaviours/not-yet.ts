/**
 * Behaviour of an element kind the interpreter does not run yet. The compiler refuses
 * these kinds, so only a hand-built model reaches it: an incident that says so.
 */
import { IncidentError } from '../incident-error';
import type { ElementKind } from '../model';
import type { Behaviour } from './types';

export function notYet<K extends ElementKind>(kind: K): Behaviour<K> {
  return {
    run: ({ element }) => {
      throw new IncidentError(`"${element.name}" is a ${kind}, which this interpreter does not run yet`);
    },
  };
}
