/**
 * Deployments of several resources at once (BPMN diagrams and DMN files): every resource
 * is compiled first and nothing is stored unless all compile; then each is stored with
 * the same deployment id, so a process can bind its called decisions and processes to the
 * versions deployed with it (`bindingType="deployment"`). Unchanged resources keep the
 * version (and deployment) they already had, as single deployments do.
 */
import { randomUUID } from 'node:crypto';
import { compile } from '../compiler/index';
import { compileDmn, isDmnDocument } from '../dmn/index';
import type { ProcessModel } from '../../workflows/model';
import { checkProcessCalendar } from './calendar.service';
import type { Db } from './context';
import { deployDecisions, type DecisionSummary } from './decision.service';
import { deployDefinition, type DefinitionSummary, type DeployOptions } from './definition.service';

export interface DeploymentResource {
  /** A file name, for messages. */
  name?: string;
  xml: string;
}

export interface ResourceDiagnostic {
  resource: string;
  elementId: string;
  message: string;
}

export type DeploymentResult =
  | { ok: true; deploymentId: string; processes: DefinitionSummary[]; decisions: DecisionSummary[]; /** false when every resource was already deployed unchanged */ created: boolean }
  | { ok: false; errors: ResourceDiagnostic[]; warnings: ResourceDiagnostic[] };

/** Compiles every resource, then stores them all under one new deployment id. */
export async function deployResources(db: Db, resources: DeploymentResource[], deployedBy?: string, options: Pick<DeployOptions, 'temporal'> = {}): Promise<DeploymentResult> {
  const named = resources.map((resource, index) => ({ ...resource, label: resource.name?.trim() || `resource ${index + 1}` }));
  const errors: ResourceDiagnostic[] = [];
  const warnings: ResourceDiagnostic[] = [];
  for (const resource of named) {
    const result = isDmnDocument(resource.xml) ? await compileDmn(resource.xml) : await compile(resource.xml);
    if ('model' in result && result.model) result.errors.push(...(await checkProcessCalendar(db, result.model as ProcessModel)));
    errors.push(...result.errors.map((d) => ({ resource: resource.label, ...d })));
    warnings.push(...result.warnings.map((d) => ({ resource: resource.label, ...d })));
  }
  if (errors.length > 0) return { ok: false, errors, warnings };

  const deploymentId = randomUUID();
  const processes: DefinitionSummary[] = [];
  const decisions: DecisionSummary[] = [];
  let created = false;
  // Decisions first: a process whose start events activate at once may evaluate them straight away.
  const ordered = [...named.filter((r) => isDmnDocument(r.xml)), ...named.filter((r) => !isDmnDocument(r.xml))];
  for (const resource of ordered) {
    if (isDmnDocument(resource.xml)) {
      const result = await deployDecisions(db, resource.xml, deployedBy, { deploymentId });
      if (!result.ok) throw new Error(`${resource.label} compiled once but not twice`);
      decisions.push(...result.decisions);
      created ||= result.created;
    } else {
      const result = await deployDefinition(db, resource.xml, deployedBy, { deploymentId, ...options });
      if (!result.ok) throw new Error(`${resource.label} compiled once but not twice`);
      processes.push(result.definition);
      created ||= result.created;
    }
  }
  return { ok: true, deploymentId, processes, decisions, created };
}
