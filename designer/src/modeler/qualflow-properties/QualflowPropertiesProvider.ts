/**
 * The properties-panel provider of Qualflow's own extensions: deadline and escalation and
 * the electronic signature on user tasks, business calendar and owner on the process.
 * Runs after the Zeebe provider and appends its groups.
 */
import { deadlineGroup } from './deadline-group';
import { escalationGroups } from './escalation-groups';
import type { DiagramElement, Injector } from './extension-elements';
import { processGroups, processOf } from './process-groups';
import { signatureGroup } from './signature-group';

interface PropertiesPanel {
  registerProvider(priority: number, provider: object): void;
}

/** Below the Zeebe provider's priority, so its groups are already there. */
const AFTER_ZEEBE = 400;

export default class QualflowPropertiesProvider {
  static $inject = ['propertiesPanel', 'injector'];

  constructor(
    propertiesPanel: PropertiesPanel,
    private readonly injector: Injector,
  ) {
    propertiesPanel.registerProvider(AFTER_ZEEBE, this);
  }

  getGroups(element: DiagramElement) {
    return (groups: object[]): object[] => [...groups, ...this.qualflowGroups(element)];
  }

  private qualflowGroups(element: DiagramElement): object[] {
    if (element.businessObject.$instanceOf('bpmn:UserTask')) {
      return [deadlineGroup(), ...escalationGroups(element, this.injector), signatureGroup()];
    }
    return processOf(element) ? processGroups() : [];
  }
}
