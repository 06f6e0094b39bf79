/**
 * The QMS templates shipped with Qualflow (`workflows/templates`), offered by the
 * designer's "New from template" with their BPMN XML.
 */
import { readFile } from 'node:fs/promises';
import { listTemplates } from '../seed';

/** One line per template, shown under its name in the designer. */
const DESCRIPTIONS: Record<string, string> = {
  'document-approval': 'Controlled document review, approval and release with an effective date (ISO 9001 7.5).',
  capa: 'Corrective and preventive action from triage to effectiveness check and closure (ISO 9001 10.2).',
  'management-review': 'Planned management review: collect the inputs, meet, record and follow up the actions (ISO 9001 9.3).',
};

export interface ProcessTemplate {
  key: string;
  name: string;
  description: string;
  xml: string;
}

/** Every shipped template with its XML, in the order they are seeded. */
export async function listProcessTemplates(): Promise<ProcessTemplate[]> {
  return Promise.all(
    listTemplates().map(async ({ key, name, file }) => ({ key, name, description: DESCRIPTIONS[key] ?? '', xml: await readFile(file, 'utf8') })),
  );
}
