import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import { MODDLE_EXTENSIONS, rememberParseWarnings } from '../../engine/lint';

const ROOT = join(import.meta.dirname, '..', '..');

/** Where the repository keeps BPMN diagrams: compiler fixtures (incl. broken/), test fixtures, the QMS templates. */
const FOLDERS = ['engine', 'test', 'workflows'];

function bpmnFilesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : bpmnFilesUnder(path);
    return entry.name.endsWith('.bpmn') ? [path] : [];
  });
}

/** Every `.bpmn` file of the repository, as paths relative to its root, sorted. */
export function bpmnFixtures(): string[] {
  return FOLDERS.flatMap((folder) => bpmnFilesUnder(join(ROOT, folder))).map((path) => relative(ROOT, path)).sort();
}

/** The text of a fixture named by `bpmnFixtures()`. */
export function readFixture(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

/** The definitions tree as bpmn-js would hand it to bpmnlint (its parse warnings remembered for the lint), or undefined when the XML cannot be read at all. */
export async function parseForLint(xml: string): Promise<unknown> {
  try {
    const { rootElement, warnings } = await new BpmnModdle(MODDLE_EXTENSIONS).fromXML(xml, 'bpmn:Definitions');
    if (typeof rootElement === 'object' && rootElement !== null) rememberParseWarnings(rootElement, warnings);
    return rootElement;
  } catch {
    return undefined;
  }
}
