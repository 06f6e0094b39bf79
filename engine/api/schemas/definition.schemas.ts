import { z } from 'zod';
import { DateTime } from './common.schemas';

export const MAX_XML_BYTES = 2 * 1024 * 1024;

export const DefinitionSummary = z
  .object({ id: z.string(), key: z.string(), version: z.number().int(), name: z.string() })
  .meta({ id: 'DefinitionSummary' });

export const DefinitionView = DefinitionSummary.extend({
  deployedBy: z.string().nullable(),
  /** The process owner of this version: the `qualflow:owner` it names, else whoever deployed it. */
  owner: z.string().nullable(),
  createdAt: DateTime,
}).meta({ id: 'Definition' });

export const DefinitionList = z.object({ items: z.array(DefinitionView), total: z.number().int() });

export const Diagnostic = z.object({ elementId: z.string(), message: z.string() }).meta({ id: 'Diagnostic' });

export const CompileErrors = z.object({
  error: z.string(),
  errors: z.array(Diagnostic),
  warnings: z.array(Diagnostic).optional(),
});

export const BpmnXmlBody = z.string().min(1, 'The BPMN XML is empty').max(MAX_XML_BYTES);

export const KeyParams = z.object({ key: z.string().min(1).max(255) });

export const VersionQuery = z.object({
  version: z.coerce.number().int().min(1).optional(),
});

export const DecisionSummary = z
  .object({
    id: z.string(),
    decisionId: z.string(),
    version: z.number().int(),
    name: z.string(),
    versionTag: z.string().nullable(),
  })
  .meta({ id: 'DecisionSummary' });

/** What deploying a DMN file answers: the deployment and the version of each of its decisions. */
export const DecisionDeployment = z
  .object({ deploymentId: z.string(), decisions: z.array(DecisionSummary) })
  .meta({ id: 'DecisionDeployment' });

/** `POST /definitions` answers a process definition (BPMN) or a decision deployment (DMN). */
export const DeployedResource = z.union([DefinitionSummary, DecisionDeployment]);

export const DecisionView = DecisionSummary.extend({
  drgId: z.string(),
  deploymentId: z.string().nullable(),
  deployedBy: z.string().nullable(),
  createdAt: DateTime,
}).meta({ id: 'Decision' });

export const DecisionList = z.object({ items: z.array(DecisionView), total: z.number().int() });

export const DecisionIdParams = z.object({ id: z.string().min(1).max(255) });

/** `POST /deployments`: several BPMN diagrams and DMN files deployed together (one deployment id). */
export const DeploymentBody = z.object({
  resources: z
    .array(z.object({ name: z.string().max(255).optional(), xml: z.string().min(1, 'A resource is empty').max(MAX_XML_BYTES) }))
    .min(1, 'A deployment needs at least one resource')
    .max(50),
});

export const DeploymentView = z
  .object({ deploymentId: z.string(), processes: z.array(DefinitionSummary), decisions: z.array(DecisionSummary) })
  .meta({ id: 'Deployment' });

const ResourceDiagnostic = Diagnostic.extend({ resource: z.string() });

export const DeploymentErrors = z.object({
  error: z.string(),
  errors: z.array(ResourceDiagnostic),
  warnings: z.array(ResourceDiagnostic).optional(),
});
