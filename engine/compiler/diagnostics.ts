import type { BpmnElement, Diagnostic } from './types';

/** The element id used when a problem concerns the whole document. */
export const DOCUMENT = 'document';

/**
 * Collects every problem found while compiling; nothing stops at the first one.
 * Duplicates (same element, same message) are kept once.
 */
export class Diagnostics {
  readonly errors: Diagnostic[] = [];
  readonly warnings: Diagnostic[] = [];
  private readonly seen = new Set<string>();

  /** Records an error; the diagram will not compile. */
  error(on: BpmnElement | string | undefined, message: string): void {
    this.add(this.errors, 'error', on, message);
  }

  /** Records a warning; the diagram still compiles. */
  warn(on: BpmnElement | string | undefined, message: string): void {
    this.add(this.warnings, 'warning', on, message);
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  private add(list: Diagnostic[], severity: string, on: BpmnElement | string | undefined, message: string): void {
    const elementId = typeof on === 'string' ? on : on?.id ?? DOCUMENT;
    const key = `${severity}\u0000${elementId}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    list.push({ elementId, message });
  }
}

/**
 * Formats diagnostics for a terminal, one per line: `error   Gateway_1  Gateway "Approved?" ...`.
 */
export function formatDiagnostics(
  diagnostics: Diagnostic[] | { errors: Diagnostic[]; warnings: Diagnostic[] },
): string {
  const rows = Array.isArray(diagnostics)
    ? diagnostics.map((d) => ({ severity: 'error', ...d }))
    : [
        ...diagnostics.errors.map((d) => ({ severity: 'error', ...d })),
        ...diagnostics.warnings.map((d) => ({ severity: 'warning', ...d })),
      ];
  const idWidth = Math.max(0, ...rows.map((row) => row.elementId.length));
  return rows
    .map((row) => `${row.severity.padEnd(7)}  ${row.elementId.padEnd(idWidth)}  ${row.message}`)
    .join('\n');
}
