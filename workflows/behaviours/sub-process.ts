/**
 * Embedded sub-process: opens its own flow scope (its input mappings become its local
 * variables), arms its event sub-processes, starts a token at its start event and
 * completes once the last token inside has ended — normally, by a terminate end event
 * inside (which ends only the sub-process) or by an interrupting event sub-process.
 * Output mappings see the sub-process's local variables.
 */
import { CancellationScope, condition } from '@temporalio/workflow';
import { armEventSubProcesses } from '../event-sub-processes';
import type { EventSubProcessElement, SubProcessElement } from '../model';
import { FlowScope } from '../scopes';
import { spawnToken } from '../tokens';
import { complete, type Behaviour, type ElementContext, type Outcome } from './types';

export const subProcessBehaviour: Behaviour<'subProcess'> = {
  run: (context) => runScope(context, context.element.startEventId),
};

/**
 * Runs a sub-process body (embedded or event sub-process) in a new scope from `startEventId`,
 * handing `resume` to the start event; completes when its last token has ended.
 */
export async function runScope(context: ElementContext<SubProcessElement | EventSubProcessElement>, startEventId: string, resume?: unknown): Promise<Outcome> {
  const { runtime, element, token } = context;
  const scope = new FlowScope({
    id: token.elementInstanceId,
    kind: 'subProcess',
    elementId: element.id,
    hostInstanceId: runtime.frames.has(token.elementInstanceId) ? token.elementInstanceId : undefined,
    parent: context.flowScope,
    hostInFlow: token.inFlow !== false,
    variables: { ...context.local },
    outer: CancellationScope.current(),
  });
  const disarm = await armEventSubProcesses(runtime, scope, element.eventSubProcesses);
  try {
    spawnToken(runtime, startEventId, undefined, { scope, resume });
    await condition(() => scope.liveTokens === 0);
  } finally {
    await CancellationScope.nonCancellable(disarm);
  }
  for (const key of Object.keys(context.local)) delete context.local[key];
  Object.assign(context.local, scope.variables);
  context.flowScope.compensable.push(...scope.compensable);
  return complete(element.outgoing);
}
