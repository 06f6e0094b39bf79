/**
 * Which deployed process a call activity starts: its binding picks the version of the
 * called process id — the latest, the one deployed together with the calling definition,
 * or the latest with a version tag (as in Camunda 8).
 */
import type { ProcessModel } from '../workflows/model';
import type { ActivityDependencies } from './dependencies';
import type { ResolvedProcess, ResolveProcessInput } from './types';

interface DefinitionRow {
  id: string;
  key: string;
  version: number;
  model: string;
}

const select = { id: true, key: true, version: true, model: true } as const;

/**
 * The process a call activity starts, with its compiled model; null when nothing is
 * deployed under that id and binding. A calling definition stored before deployments
 * were recorded (no deploymentId) falls back to the latest version, and says so in `note`.
 */
export async function resolveProcess({ db }: ActivityDependencies, input: ResolveProcessInput): Promise<ResolvedProcess | null> {
  const { processId, binding } = input;
  const latestWhere = (extra: object) =>
    db.definition.findFirst({ where: { key: processId, ...extra }, orderBy: { version: 'desc' }, select });
  switch (binding.type) {
    case 'latest':
      return resolved(await latestWhere({}));
    case 'versionTag':
      return resolved(await latestWhere({ versionTag: binding.versionTag }));
    case 'deployment': {
      const caller = await db.definition.findUnique({ where: { id: input.definitionId }, select: { deploymentId: true } });
      if (!caller?.deploymentId) {
        const note = `The calling definition ${input.definitionId} has no recorded deployment; the latest version of "${processId}" was called instead`;
        return resolved(await latestWhere({}), note);
      }
      return resolved(await latestWhere({ deploymentId: caller.deploymentId }));
    }
  }
}

function resolved(row: DefinitionRow | null, note?: string): ResolvedProcess | null {
  if (!row) return null;
  return {
    definitionId: row.id,
    processKey: row.key,
    version: row.version,
    model: JSON.parse(row.model) as ProcessModel,
    ...(note ? { note } : {}),
  };
}
