import { readBinding } from '../binding';
import type { Diagnostics } from '../diagnostics';
import { findExtension } from '../extensions';
import { isExpression } from '../feel';
import { describe } from '../labels';
import { flag, text } from '../moddle-access';
import type { Transformer } from '../transformer';
import type { BpmnElement } from '../types';
import { checkValue } from '../value-checks';

/**
 * Call activity: starts an instance of another deployed process (`zeebe:calledElement`
 * processId, a literal or `=expr`) and waits for it. The binding chooses the version;
 * the propagation flags say which variables go down to the child and come back.
 */
export const callActivity: Transformer<'callActivity'> = {
  ioMapping: 'inputs-and-outputs',
  extensions: ['zeebe:CalledElement', 'zeebe:TaskHeaders'],
  transform(element, common, { diagnostics }) {
    const subject = describe(element);
    const called = findExtension(element, 'zeebe:CalledElement');
    if (!called) {
      diagnostics.error(element, `${subject} must have a defined called element (zeebe:calledElement) naming the process to call`);
      return undefined;
    }
    const processId = readProcessId(diagnostics, element, called);
    const binding = readBinding(diagnostics, element, called, 'the called process');
    if (text(called, 'businessId') !== undefined) {
      diagnostics.error(element, `${subject} with a business ID for the called process is not supported yet`);
      return undefined;
    }
    if (findExtension(element, 'zeebe:TaskHeaders')) {
      diagnostics.warn(element, `${subject} has task headers, which call activities do not use; they are ignored`);
    }
    if (processId === undefined || binding === undefined) return undefined;
    return {
      kind: 'callActivity',
      ...common,
      processId,
      binding,
      propagateAllParentVariables: flag(called, 'propagateAllParentVariables') ?? true,
      propagateAllChildVariables: flag(called, 'propagateAllChildVariables') ?? true,
    };
  },
};

/** `processId` (literal or `=expr`), or the older `processIdExpression` attribute (an expression with or without `=`). */
function readProcessId(diagnostics: Diagnostics, element: BpmnElement, called: BpmnElement): string | undefined {
  const subject = describe(element);
  const literal = text(called, 'processId')?.trim();
  const expression = text(called, 'processIdExpression')?.trim();
  if (literal !== undefined && expression !== undefined) {
    diagnostics.error(element, `${subject} has both a process id and a process id expression; keep one`);
    return undefined;
  }
  const processId = literal ?? (expression === undefined ? undefined : isExpression(expression) ? expression : `=${expression}`);
  if (processId === undefined) {
    diagnostics.error(element, `${subject} must have the process id of the process to call (processId of zeebe:calledElement)`);
    return undefined;
  }
  return checkValue(diagnostics, element, 'the called process id', processId) ? processId : undefined;
}
