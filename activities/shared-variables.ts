/**
 * Variables a large multi-instance body shares with its jobs (workflows/shared-variables.ts):
 * stored once as a row, so the n jobs of the body carry a reference instead of n copies of
 * the input collection. The service-task activity puts them back before the handler runs.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { Variables } from '../workflows/contract';
import { toJson, type ActivityDependencies } from './dependencies';
import type { SharedVariablesRef, StoreSharedVariablesInput } from './types';

/** Writes the row once per id (a retried write changes nothing). */
export async function storeSharedVariables({ db }: ActivityDependencies, input: StoreSharedVariablesInput): Promise<void> {
  await db.sharedVariables.upsert({
    where: { id: input.id },
    update: {},
    create: { id: input.id, instanceId: input.instanceId, bodyId: input.bodyId, variables: toJson(input.variables) },
  });
}

/** Deletes every row of the body; deleting twice is harmless. */
export async function releaseSharedVariables({ db }: ActivityDependencies, input: { bodyId: string }): Promise<void> {
  await db.sharedVariables.deleteMany({ where: { bodyId: input.bodyId } });
  forget(input.bodyId);
}

/**
 * `variables` with the shared variables each reference names added (those the job carries
 * itself win). A shared variable is parsed when the handler first reads it, so a handler
 * that only looks at its item pays nothing for the collection.
 *
 * @throws ApplicationFailure (non-retryable) when a referenced row is missing: its body
 * has ended, so the job was cancelled and nothing waits for it.
 */
export async function withSharedVariables(dependencies: ActivityDependencies, variables: Variables, refs: SharedVariablesRef[] | undefined): Promise<Variables> {
  if (!refs || refs.length === 0) return variables;
  const result: Variables = { ...variables };
  for (const ref of refs) {
    const text = await rowText(dependencies, ref.id);
    let parsed: Variables | undefined;
    const parse = () => (parsed ??= JSON.parse(text) as Variables);
    const settle = (name: string, value: unknown) => Object.defineProperty(result, name, { value, writable: true, configurable: true, enumerable: true });
    for (const name of ref.names) {
      if (Object.hasOwn(result, name)) continue;
      Object.defineProperty(result, name, {
        configurable: true,
        enumerable: true,
        get: () => {
          const value = parse()[name];
          settle(name, value);
          return value;
        },
        set: (value: unknown) => settle(name, value),
      });
    }
  }
  return result;
}

/**
 * Rows read recently, as stored text: a row never changes once written, and the jobs of one
 * body ask for the same row thousands of times, many at once. Each handler call parses its own copy.
 */
const recent = new Map<string, { bodyId?: string; text: Promise<string> }>();
const RECENT_ROWS = 8;

async function rowText({ db }: ActivityDependencies, id: string): Promise<string> {
  const cached = recent.get(id);
  if (cached) return cached.text;
  const entry: { bodyId?: string; text: Promise<string> } = {
    text: db.sharedVariables.findUnique({ where: { id }, select: { bodyId: true, variables: true } }).then((row) => {
      if (!row) throw ApplicationFailure.nonRetryable(`The shared variables ${id} of a multi-instance body are gone: the body has ended`, 'SharedVariablesGone');
      entry.bodyId = row.bodyId;
      return row.variables;
    }),
  };
  recent.set(id, entry);
  if (recent.size > RECENT_ROWS) recent.delete(recent.keys().next().value as string);
  entry.text.catch(() => recent.delete(id));
  return entry.text;
}

function forget(bodyId: string): void {
  for (const [id, row] of recent) if (row.bodyId === bodyId) recent.delete(id);
}
