/**
 * "Fit" for the designer: the whole diagram in view, beside the palette rather than under
 * it (bpmn-js' own fit-viewport uses the full canvas, and the palette floats over its left edge).
 */
import type Modeler from 'bpmn-js/lib/Modeler';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Viewbox extends Box {
  inner: Box;
  outer: { width: number; height: number };
}
interface Canvas {
  viewbox(box?: Box): Viewbox;
  getContainer(): HTMLElement;
}

const MARGIN_PX = 24;

/**
 * The viewbox that shows `diagram` (diagram coordinates) inside a canvas of `canvasSize`
 * pixels, left of `leftPx` kept free, never enlarged beyond 100 %, centred vertically.
 */
export function viewboxBeside(diagram: Box, canvasSize: { width: number; height: number }, leftPx: number): Box {
  const free = { width: Math.max(canvasSize.width - leftPx - 2 * MARGIN_PX, 1), height: Math.max(canvasSize.height - 2 * MARGIN_PX, 1) };
  const scale = Math.min(free.width / Math.max(diagram.width, 1), free.height / Math.max(diagram.height, 1), 1);
  const width = canvasSize.width / scale;
  const height = canvasSize.height / scale;
  return { x: diagram.x - (leftPx + MARGIN_PX) / scale, y: diagram.y - (height - diagram.height) / 2, width, height };
}

/** Fits the modeler's diagram beside its palette. */
export function fitDiagram(modeler: Modeler): void {
  const canvas = modeler.get<Canvas>('canvas');
  const container = canvas.getContainer();
  const palette = container.querySelector('.djs-palette');
  const paletteRight = palette ? palette.getBoundingClientRect().right - container.getBoundingClientRect().left : 0;
  const { inner, outer } = canvas.viewbox();
  canvas.viewbox(viewboxBeside(inner, outer, paletteRight));
}
