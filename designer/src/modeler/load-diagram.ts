/** Fetches the diagram a designer source names: a draft, a template, a deployed version, or a blank one. */
import { blankDiagram } from './blank-diagram';
import { fetchDefinitionXml, fetchDraft, fetchTemplate } from './api';
import type { DiagramSource } from './diagram-source';

export interface LoadedDiagram {
  xml: string;
  /** The draft autosave writes to; absent until the first change creates one. */
  draftId?: string;
  /** The deployed version the work started from, if any. */
  baseVersion?: number;
  /** What the page says it is editing ("Draft", "Template CAPA", "capa version 3"). */
  origin: string;
}

/** @throws ApiError when the draft or version is not found; Error when there is no such template. */
export async function loadDiagram(source: DiagramSource): Promise<LoadedDiagram> {
  switch (source.kind) {
    case 'draft': {
      const draft = await fetchDraft(source.id);
      return { xml: draft.xml, draftId: draft.id, baseVersion: draft.baseVersion ?? undefined, origin: `Draft “${draft.name}”` };
    }
    case 'template': {
      const template = await fetchTemplate(source.key);
      if (!template) throw new Error(`There is no template “${source.key}”.`);
      return { xml: template.xml, origin: `New from template “${template.name}”` };
    }
    case 'definition': {
      const xml = await fetchDefinitionXml(source.key, source.version);
      const version = source.version ? ` version ${source.version}` : ' (latest version)';
      return { xml, baseVersion: source.version, origin: `${source.key}${version}` };
    }
    case 'blank':
      return { xml: blankDiagram(), origin: 'New diagram' };
  }
}
