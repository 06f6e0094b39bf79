/**
 * Lets a process owner pick a template: the properties panel's "Select" / "Change"
 * template button opens a menu of the templates that apply to the element, and the same
 * templates are offered in the element's replace (wrench) menu.
 */
import { type DiagramElement, type ElementTemplates, type Selection, templateEntries } from './template-entries';

interface EventBus {
  on(event: string, callback: (event: { element: DiagramElement }) => void): void;
}

interface PopupMenu {
  registerProvider(id: string, priority: number, provider: object): void;
  open(target: DiagramElement, providerId: string, position: { x: number; y: number; cursor?: { x: number; y: number } }, options?: object): void;
}

interface Canvas {
  getContainer(): HTMLElement;
  viewbox(): { x: number; y: number; scale: number };
}

interface Shape extends DiagramElement {
  x: number;
  y: number;
  height: number;
}

/** The id of the chooser menu's provider. */
const CHOOSER_MENU = 'qualflow-element-templates';

/** Below A1's and bpmn-js' replace providers: the template entries are added last. */
const LOW_PRIORITY = 250;

export default class TemplateChooser {
  static $inject = ['eventBus', 'popupMenu', 'canvas', 'elementTemplates', 'selection'];

  constructor(
    eventBus: EventBus,
    private readonly popupMenu: PopupMenu,
    private readonly canvas: Canvas,
    private readonly elementTemplates: ElementTemplates,
    private readonly selection: Selection,
  ) {
    popupMenu.registerProvider(CHOOSER_MENU, LOW_PRIORITY, { getPopupMenuEntries: (element: DiagramElement) => this.entries(element) });
    popupMenu.registerProvider('bpmn-replace', LOW_PRIORITY, {
      getPopupMenuEntries: (element: DiagramElement) => (entries: object) => ({ ...entries, ...this.entries(element) }),
    });
    eventBus.on('elementTemplates.select', ({ element }) => this.open(element));
  }

  /** Opens the template menu below `element`. */
  open(element: DiagramElement): void {
    const position = this.below(element as Shape);
    this.popupMenu.open(element, CHOOSER_MENU, { ...position, cursor: position }, { title: 'Apply a template', search: true, width: 320 });
  }

  private entries(element: DiagramElement) {
    return templateEntries(element, this.elementTemplates, this.selection);
  }

  private below(shape: Shape): { x: number; y: number } {
    const bounds = this.canvas.getContainer().getBoundingClientRect();
    const viewbox = this.canvas.viewbox();
    return {
      x: bounds.left + (shape.x - viewbox.x) * viewbox.scale,
      y: bounds.top + (shape.y + shape.height - viewbox.y) * viewbox.scale + 8,
    };
  }
}
