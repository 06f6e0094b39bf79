/**
 * The designer's live validation: lints the diagram with the shared rule set
 * (`engine/lint`, the compiler's own checks) after import and after every change, keeps
 * deploy's diagnostics until the next change, marks the elements, and tells listeners
 * through the event bus (`qualflow.problems.changed`, `{ problems }`).
 */
import type { ModdleWarning } from 'bpmn-moddle';
import { lintDefinitions, rememberParseWarnings } from '../../../../engine/lint';
import { markerOf, orderProblems, problemOfFinding, type Problem } from './problem';

interface EventBus {
  on(event: string, callback: (event: any) => void): void;
  fire(event: string, payload: object): void;
}
interface Canvas {
  addMarker(id: string, marker: string): void;
  removeMarker(id: string, marker: string): void;
}
interface ElementRegistry {
  get(id: string): unknown;
}
interface BpmnJs {
  getDefinitions(): object | undefined;
}

/** Quiet time after the last change before the diagram is linted again. */
const LINT_DELAY_MS = 250;

export const PROBLEMS_CHANGED = 'qualflow.problems.changed';

export default class QualflowProblems {
  static $inject = ['eventBus', 'canvas', 'elementRegistry', 'bpmnjs'];

  private lintProblems: Problem[] = [];
  private importProblems: Problem[] = [];
  private deployProblems: Problem[] = [];
  private marked: [string, string][] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private run = 0;

  constructor(
    private readonly eventBus: EventBus,
    private readonly canvas: Canvas,
    private readonly elementRegistry: ElementRegistry,
    private readonly bpmnjs: BpmnJs,
  ) {
    eventBus.on('import.done', ({ warnings = [] }: { warnings?: ModdleWarning[] }) => {
      const definitions = bpmnjs.getDefinitions();
      if (definitions) rememberParseWarnings(definitions, warnings);
      this.importProblems = warnings.map((warning) => ({
        source: 'import' as const,
        severity: 'warning' as const,
        elementId: (warning.element as { id?: string } | undefined)?.id ?? 'document',
        message: `Import: ${warning.message}`,
      }));
      this.deployProblems = [];
      void this.lint();
    });
    eventBus.on('commandStack.changed', () => {
      this.deployProblems = [];
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.lint(), LINT_DELAY_MS);
    });
    eventBus.on('diagram.destroy', () => clearTimeout(this.timer));
  }

  /** Every current problem, errors first. */
  problems(): Problem[] {
    return orderProblems([...this.deployProblems, ...this.lintProblems, ...this.importProblems]);
  }

  /** Shows what deploy refused with, until the diagram changes. */
  showDeployProblems(problems: Problem[]): void {
    this.deployProblems = problems;
    this.publish();
  }

  /** Lints now (the designer does this itself after changes). */
  async lint(): Promise<void> {
    const run = ++this.run;
    const definitions = this.bpmnjs.getDefinitions();
    const findings = definitions ? await lintDefinitions(definitions) : [];
    if (run !== this.run) return;
    this.lintProblems = findings.map(problemOfFinding);
    this.publish();
  }

  private publish(): void {
    const problems = this.problems();
    for (const [id, marker] of this.marked) if (this.elementRegistry.get(id)) this.canvas.removeMarker(id, marker);
    const ids = [...new Set(problems.map((problem) => problem.elementId))].filter((id) => this.elementRegistry.get(id));
    this.marked = ids.map((id) => [id, markerOf(problems, id)!]);
    for (const [id, marker] of this.marked) this.canvas.addMarker(id, marker);
    this.eventBus.fire(PROBLEMS_CHANGED, { problems });
  }
}
