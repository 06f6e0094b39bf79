import { describe, expect, it } from 'vitest';
import { viewboxBeside } from '../fit-diagram';

/** Where a diagram point lands on screen for a viewbox over a canvas `canvasWidth` pixels wide. */
const screenX = (viewbox: { x: number; width: number }, canvasWidth: number, x: number) => ((x - viewbox.x) * canvasWidth) / viewbox.width;

describe('fitting the diagram beside the palette', () => {
  it('keeps a wide diagram clear of the palette and inside the canvas', () => {
    // given a diagram wider than the canvas and a palette covering the first 120 px
    const diagram = { x: 150, y: 80, width: 2000, height: 300 };
    const canvas = { width: 1000, height: 500 };
    // when it is fitted
    const viewbox = viewboxBeside(diagram, canvas, 120);
    // then its left edge is right of the palette and its right edge on the canvas
    expect(screenX(viewbox, canvas.width, diagram.x)).toBeGreaterThan(120);
    expect(screenX(viewbox, canvas.width, diagram.x + diagram.width)).toBeLessThanOrEqual(canvas.width);
  });

  it('does not enlarge a small diagram beyond 100 %', () => {
    const viewbox = viewboxBeside({ x: 0, y: 0, width: 100, height: 50 }, { width: 1000, height: 500 }, 120);
    expect(viewbox.width).toBe(1000);
  });
});
