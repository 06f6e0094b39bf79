/**
 * A replace-menu provider that runs after bpmn-js' own and removes every option the
 * compiler would refuse (complex gateways, transactions, ad-hoc sub-processes, conditional
 * and cancel events, triggers not allowed where the event sits, the standard loop marker).
 */
import * as replaceOptions from 'bpmn-js/lib/features/replace/ReplaceOptions';
import type { ReplaceOption } from 'bpmn-js/lib/features/replace/ReplaceOptions';
import { isExecutableReplacement, REFUSED_TOGGLES, type ReplaceContext } from '../executable-elements';

type Entries = Record<string, unknown>;

interface PopupMenu {
  registerProvider(id: string, priority: number, provider: object): void;
}

interface DiagramElement {
  parent?: { businessObject?: { $type?: string; triggeredByEvent?: boolean } };
}

/** Runs after bpmn-js' replace provider (priority 1000), so it sees its entries. */
const AFTER_BPMN_JS = 500;

/** Every replace option bpmn-js knows, by the action name its menu entry is listed under. */
function optionsByAction(): Map<string, ReplaceOption> {
  const lists = Object.values(replaceOptions).flatMap((value) =>
    Array.isArray(value) ? [value as ReplaceOption[]] : Object.values(value as Record<string, ReplaceOption[]>),
  );
  return new Map(lists.flat().map((option) => [option.actionName, option]));
}

export default class ExecutableReplaceMenu {
  static $inject = ['popupMenu'];

  private readonly options = optionsByAction();

  constructor(popupMenu: PopupMenu) {
    popupMenu.registerProvider('bpmn-replace', AFTER_BPMN_JS, this);
  }

  getPopupMenuEntries(element: DiagramElement) {
    const context: ReplaceContext = {
      parentType: element.parent?.businessObject?.$type,
      parentTriggeredByEvent: element.parent?.businessObject?.triggeredByEvent === true,
    };
    return (entries: Entries): Entries =>
      Object.fromEntries(
        Object.entries(entries).filter(([action]) => {
          const target = this.options.get(action)?.target;
          return !target || isExecutableReplacement(target, context);
        }),
      );
  }

  getPopupMenuHeaderEntries() {
    return (entries: Entries): Entries => Object.fromEntries(Object.entries(entries).filter(([action]) => !REFUSED_TOGGLES.includes(action)));
  }
}
