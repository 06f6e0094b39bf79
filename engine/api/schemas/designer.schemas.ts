/**
 * The designer's contract beyond drafts: QMS templates for "New from template", the
 * version history of a process, and try-it runs in a sandbox.
 */
import { z } from 'zod';
import { DateTime, VariablesSchema } from './common.schemas';
import { MAX_XML_BYTES } from './definition.schemas';

export const TemplateView = z
  .object({ key: z.string(), name: z.string(), description: z.string(), xml: z.string() })
  .meta({ id: 'ProcessTemplate' });

export const TemplateList = z.object({ items: z.array(TemplateView), total: z.number().int() });

export const DefinitionVersion = z
  .object({
    id: z.string(),
    version: z.number().int(),
    name: z.string(),
    deployedBy: z.string().nullable(),
    createdAt: DateTime,
    /** SHA-256 of the deployed XML. */
    hash: z.string(),
    versionTag: z.string().nullable(),
  })
  .meta({ id: 'DefinitionVersion' });

export const DefinitionVersionList = z.object({ key: z.string(), items: z.array(DefinitionVersion), total: z.number().int() });

export const KeyVersionParams = z.object({
  key: z.string().min(1).max(255),
  version: z.coerce.number().int().min(1),
});

export const TryRunBody = z
  .object({
    xml: z.string().min(1, 'The BPMN XML is empty').max(MAX_XML_BYTES),
    variables: VariablesSchema.optional(),
  })
  .meta({ id: 'TryRun' });

export const TryRunResult = z
  .object({
    instanceId: z.string(),
    /** The sandbox key the diagram was deployed under (`sandbox--<user>--<key>`). */
    definitionKey: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'TryRunResult' });
