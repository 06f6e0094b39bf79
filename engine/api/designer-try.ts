/**
 * "Try it": deploys the diagram on the designer's canvas under the caller's sandbox key
 * and starts an instance with sample variables, so the owner can watch the token move
 * on the instance page before deploying the real version. A new try run cancels the
 * caller's earlier ones of the same process, so their tasks leave people's tasklists.
 */
import { compile } from '../compiler/index';
import type { ApiDeps, AuthUser } from './context';
import { deployDefinition, type Diagnostic } from './definition.service';
import { renameProcess, sandboxKeyOf } from './designer-sandbox';
import { HttpError, unprocessable } from './errors';
import { cancelInstance, startInstance } from './instance.service';
import { route, type AnyRoute } from './route';
import { ErrorSchema } from './schemas/common.schemas';
import { CompileErrors, KeyParams } from './schemas/definition.schemas';
import { TryRunBody, TryRunResult } from './schemas/designer.schemas';

export type TryRunOutcome =
  | { ok: true; instanceId: string; definitionKey: string; version: number }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

/**
 * Deploys `xml` (whose process id must be `key`) as the sandbox process of `user` and starts it.
 *
 * @throws HttpError 422 when the diagram's process is not `key`; 503 when Temporal is down.
 */
export async function tryRun(deps: ApiDeps, user: AuthUser, key: string, input: { xml: string; variables?: Record<string, unknown> }): Promise<TryRunOutcome> {
  const definitionKey = sandboxKeyOf(user.username, key);
  const xml = renameProcess(input.xml, key, definitionKey);
  const { model } = await compile(xml);
  if (model && model.id !== definitionKey) throw unprocessable(`The diagram's process id is "${model.id}", not "${key}"`);
  const deployed = await deployDefinition(deps.db, xml, user.username);
  if (!deployed.ok) {
    const original = (d: Diagnostic) => ({ elementId: d.elementId === definitionKey ? key : d.elementId, message: d.message.replaceAll(definitionKey, key) });
    return { ok: false, errors: deployed.errors.map(original), warnings: deployed.warnings.map(original) };
  }
  const { version } = deployed.definition;
  // The business key tells whoever gets one of its tasks that this is a try run.
  const businessKey = `Try run by ${user.username}`;
  const earlier = await runningTryRuns(deps, user, definitionKey);
  const started = await startInstance(deps, user, { processKey: definitionKey, version, businessKey, variables: input.variables });
  for (const id of earlier) await cancelReplaced(deps, user, id);
  return { ok: true, instanceId: started.id, definitionKey, version };
}

async function runningTryRuns(deps: ApiDeps, user: AuthUser, definitionKey: string): Promise<string[]> {
  const rows = await deps.db.instance.findMany({
    where: { processKey: definitionKey, startedBy: user.username, parentInstanceId: null, status: { in: ['active', 'incident'] } },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/** Cancels an earlier try run; one that ended meanwhile (409) is left alone. */
async function cancelReplaced(deps: ApiDeps, user: AuthUser, id: string): Promise<void> {
  try {
    await cancelInstance(deps, user, id, 'Replaced by a new try run');
  } catch (err) {
    if (!(err instanceof HttpError && err.status === 409)) throw err;
  }
}

/** `POST /definitions/:key/try` (process owners and admins). */
export function tryRunRoutes(): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/definitions/:key/try',
      summary: 'Try a diagram: deploy it under your sandbox key (sandbox--<user>--<key>, hidden from the process list) and start an instance with sample variables; your earlier try run of the process is canceled',
      tag: 'designer',
      access: ['owner', 'admin'],
      params: KeyParams,
      body: TryRunBody,
      responses: {
        201: { description: 'Started; open the instance to see the token', schema: TryRunResult },
        422: { description: 'The diagram does not compile, or its process id is not the key', schema: CompileErrors.or(ErrorSchema) },
        503: { description: 'Temporal is not reachable', schema: ErrorSchema },
      },
      async handle({ deps, user, params, body }) {
        const outcome = await tryRun(deps, user, params.key, body);
        if (!outcome.ok) return { status: 422, body: { error: 'The diagram does not compile', errors: outcome.errors, warnings: outcome.warnings } };
        const { instanceId, definitionKey, version } = outcome;
        return { status: 201, body: { instanceId, definitionKey, version } };
      },
    }),
  ];
}
