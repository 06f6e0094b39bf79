import { useEffect, useRef, useState } from 'react';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import './diagram.css';
import { takenFlows } from './diagram-markers';

/** A small label drawn on an element (the heatmap's times). */
export interface DiagramBadge {
  text: string;
  /** The full sentence, for the tooltip and screen readers. */
  label: string;
}

export interface DiagramViewProps {
  xml: string;
  /** Element id → CSS class on the element (diagram-markers.ts, heatmap-levels.ts). */
  markers: Map<string, string>;
  badges?: Map<string, DiagramBadge>;
  /** An element to point out (outlined and scrolled into view), e.g. the one picked in a timeline. */
  focus?: string | null;
  /** Called after import with element id → name, for text summaries beside the diagram. */
  onNames?(names: Record<string, string>): void;
}

interface DiagramElement {
  id: string;
  type: string;
  businessObject?: { name?: string };
  source?: { id: string };
  target?: { id: string };
}
interface Canvas {
  zoom(level: 'fit-viewport', center?: 'auto'): void;
  addMarker(id: string, marker: string): void;
  removeMarker(id: string, marker: string): void;
  scrollToElement(element: DiagramElement): void;
}
interface Overlays {
  add(elementId: string, type: string, overlay: { position: { bottom?: number; right?: number; top?: number; left?: number }; html: HTMLElement }): string;
  remove(filter: { type: string }): void;
}
interface ElementRegistry {
  getAll(): DiagramElement[];
  get(id: string): DiagramElement | undefined;
}

const BADGE = 'qf-badge';
const FOCUS = 'qf-focus';

/**
 * The process diagram in the bpmn-js viewer (pan with the mouse, zoom with the wheel),
 * with the instance's state drawn on it as markers. Loaded on demand (default export).
 */
export default function DiagramView({ xml, markers, badges, focus, onNames }: DiagramViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<NavigatedViewer | null>(null);
  const applied = useRef<[string, string][]>([]);
  const [imported, setImported] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const instance = new NavigatedViewer({ container: container.current! });
    viewer.current = instance;
    return () => {
      instance.destroy();
      viewer.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = viewer.current!;
    let current = true;
    instance
      .importXML(xml)
      .then(() => {
        if (!current) return;
        instance.get<Canvas>('canvas').zoom('fit-viewport', 'auto');
        applied.current = [];
        const names = Object.fromEntries(
          instance.get<ElementRegistry>('elementRegistry').getAll().map((e) => [e.id, e.businessObject?.name || e.id]),
        );
        onNames?.(names);
        setImported((count) => count + 1);
      })
      .catch((caught: Error) => current && setError(caught.message));
    return () => {
      current = false;
    };
    // Only a new diagram is imported again; `onNames` may change on every render.
  }, [xml]);

  useEffect(() => {
    const instance = viewer.current;
    if (!instance || imported === 0) return;
    const canvas = instance.get<Canvas>('canvas');
    const registry = instance.get<ElementRegistry>('elementRegistry');
    for (const [id, marker] of applied.current) canvas.removeMarker(id, marker);
    const flows = registry
      .getAll()
      .filter((e) => e.type === 'bpmn:SequenceFlow' && e.source && e.target)
      .map((e) => ({ id: e.id, sourceId: e.source!.id, targetId: e.target!.id }));
    const next: [string, string][] = [
      ...[...markers].filter(([id]) => registry.get(id)),
      ...takenFlows(flows, markers).map((id): [string, string] => [id, 'qf-taken']),
    ];
    for (const [id, marker] of next) canvas.addMarker(id, marker);
    applied.current = next;
  }, [imported, markers]);

  useEffect(() => {
    const instance = viewer.current;
    const element = focus ? instance?.get<ElementRegistry>('elementRegistry').get(focus) : undefined;
    if (!instance || imported === 0 || !element) return;
    const canvas = instance.get<Canvas>('canvas');
    canvas.addMarker(element.id, FOCUS);
    canvas.scrollToElement(element);
    return () => canvas.removeMarker(element.id, FOCUS);
  }, [imported, focus]);

  useEffect(() => {
    const instance = viewer.current;
    if (!instance || imported === 0) return;
    const overlays = instance.get<Overlays>('overlays');
    const registry = instance.get<ElementRegistry>('elementRegistry');
    overlays.remove({ type: BADGE });
    for (const [id, badge] of badges ?? []) {
      if (!registry.get(id)) continue;
      const html = document.createElement('span');
      html.className = 'qf-badge';
      html.textContent = badge.text;
      html.title = badge.label;
      html.setAttribute('aria-label', badge.label);
      overlays.add(id, BADGE, { position: { top: -20, left: 0 }, html });
    }
  }, [imported, badges]);

  return (
    <div className="diagram-frame">
      {error && (
        <p className="alert alert-error" role="alert">
          The diagram could not be drawn: {error}
        </p>
      )}
      <div ref={container} className="diagram" data-testid="diagram" />
    </div>
  );
}
