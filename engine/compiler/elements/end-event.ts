import { describe } from '../labels';
import { children } from '../moddle-access';
import type { Transformer } from '../transformer';

/** None end event (ends its token) and terminate end event (ends the instance). Others are not supported yet. */
export const endEvent: Transformer<'endEvent'> = {
  ioMapping: 'outputs',
  extensions: [],
  transform(element, common, { diagnostics }) {
    const definitions = children(element, 'eventDefinitions');
    const terminate = definitions.length === 1 && definitions[0].$type === 'bpmn:TerminateEventDefinition';
    if (definitions.length > 0 && !terminate) {
      diagnostics.error(element, `${describe(element)} is not supported yet`);
      return undefined;
    }
    return { kind: 'endEvent', ...common, terminate };
  },
};
