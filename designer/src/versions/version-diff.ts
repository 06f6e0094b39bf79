/**
 * What changed between two versions of a process, with `bpmn-js-differ`: each added,
 * removed, changed or only moved element, as a list for people and as markers for the
 * two diagrams drawn side by side.
 */
import { diff, type DiffResult, type DiffedElement } from 'bpmn-js-differ';
import { BpmnModdle } from 'bpmn-moddle';
import { MODDLE_EXTENSIONS } from '../../../engine/lint';
import { propertyChanges } from './element-properties';

export type ChangeKind = 'added' | 'removed' | 'changed' | 'layout';

export interface ElementChange {
  id: string;
  kind: ChangeKind;
  /** The element type for people: `User task`, `Sequence flow`. */
  type: string;
  name: string;
  /** For `changed`: which properties, e.g. `name: "Review" → "Review the change"`. */
  details: string[];
}

export interface VersionDiff {
  changes: ElementChange[];
  /** Element id → marker class on the older diagram (removed, changed, moved). */
  fromMarkers: Map<string, string>;
  /** Element id → marker class on the newer diagram (added, changed, moved). */
  toMarkers: Map<string, string>;
}

const MARKER: Record<ChangeKind, string> = {
  added: 'qf-diff-added',
  removed: 'qf-diff-removed',
  changed: 'qf-diff-changed',
  layout: 'qf-diff-layout',
};

/** `bpmn:UserTask` → `User task`. */
export function typeLabel(type: string): string {
  const bare = type.replace(/^[a-z]+:/, '');
  const words = bare.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function entry(kind: ChangeKind, element: DiffedElement, details: string[] = []): ElementChange {
  return { id: element.id, kind, type: typeLabel(element.$type), name: element.name || element.id, details };
}

/** A version read with bpmn-moddle: the definitions and every element by id. */
interface ReadVersion {
  definitions: unknown;
  elementsById: Record<string, unknown>;
}

/**
 * Turns the differ's answer into changes and markers; a changed element's details come
 * from comparing its properties and extension elements in both versions (the differ
 * names nested changes, such as a new candidate group, without their values). Pure.
 */
function describeDiff(result: DiffResult, from: ReadVersion, to: ReadVersion): VersionDiff {
  const changed = Object.values(result._changed).map(({ model }) =>
    entry('changed', model, propertyChanges(from.elementsById[model.id], to.elementsById[model.id])),
  );
  const changes = [
    ...Object.values(result._added).map((element) => entry('added', element)),
    ...Object.values(result._removed).map((element) => entry('removed', element)),
    ...changed,
    ...Object.values(result._layoutChanged)
      .filter((element) => !result._changed[element.id])
      .map((element) => entry('layout', element)),
  ];
  const fromMarkers = new Map<string, string>();
  const toMarkers = new Map<string, string>();
  for (const change of changes) {
    if (change.kind !== 'added') fromMarkers.set(change.id, MARKER[change.kind]);
    if (change.kind !== 'removed') toMarkers.set(change.id, MARKER[change.kind]);
  }
  return { changes, fromMarkers, toMarkers };
}

async function read(xml: string): Promise<ReadVersion> {
  const { rootElement, elementsById } = await new BpmnModdle(MODDLE_EXTENSIONS).fromXML(xml, 'bpmn:Definitions');
  return { definitions: rootElement, elementsById };
}

/**
 * Compares the XML of an older and a newer version.
 *
 * @throws Error when either is not readable BPMN.
 */
export async function diffVersions(fromXml: string, toXml: string): Promise<VersionDiff> {
  const [from, to] = await Promise.all([read(fromXml), read(toXml)]);
  return describeDiff(diff(from.definitions, to.definitions), from, to);
}
