/**
 * Where the designer's diagram comes from, as the `#/designer?...` query says: blank,
 * a saved draft, a QMS template, or a deployed version. Pure: no DOM access here.
 */

export type DiagramSource =
  | { kind: 'blank' }
  | { kind: 'draft'; id: string }
  | { kind: 'template'; key: string }
  | { kind: 'definition'; key: string; version?: number };

/** Reads `?draft=<id>`, `?template=<key>` or `?definition=<key>&version=<n>`; anything else is blank. */
export function diagramSourceOf(query: URLSearchParams): DiagramSource {
  const draft = query.get('draft');
  if (draft) return { kind: 'draft', id: draft };
  const template = query.get('template');
  if (template) return { kind: 'template', key: template };
  const definition = query.get('definition');
  if (definition) {
    const version = Number(query.get('version'));
    return Number.isInteger(version) && version > 0 ? { kind: 'definition', key: definition, version } : { kind: 'definition', key: definition };
  }
  return { kind: 'blank' };
}

/** The query of a source (`?draft=abc`), empty for blank; `diagramSourceOf` reads it back. */
export function designerQueryOf(source: DiagramSource): string {
  const params = new URLSearchParams();
  if (source.kind === 'draft') params.set('draft', source.id);
  if (source.kind === 'template') params.set('template', source.key);
  if (source.kind === 'definition') {
    params.set('definition', source.key);
    if (source.version) params.set('version', String(source.version));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
