import { z } from 'zod';
import { DateTime } from './common.schemas';

export const MAX_XML_BYTES = 2 * 1024 * 1024;

export const DefinitionSummary = z
  .object({ id: z.string(), key: z.string(), version: z.number().int(), name: z.string() })
  .meta({ id: 'DefinitionSummary' });

export const DefinitionView = DefinitionSummary.extend({
  deployedBy: z.string().nullable(),
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
