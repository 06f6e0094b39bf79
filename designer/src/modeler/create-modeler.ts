/**
 * Builds the designer's bpmn-js Modeler: Camunda 8's properties panel (Zeebe provider and
 * behaviours), Qualflow's own panel groups, the replace menu limited to what the compiler
 * runs, live validation, token simulation, and the modules other parts contribute.
 */
import Modeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule, ZeebeTooltipProvider } from 'bpmn-js-properties-panel';
import ZeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import TokenSimulationModule from 'bpmn-js-token-simulation/lib/modeler';
import { MODDLE_EXTENSIONS } from '../../../engine/lint';
import ExecutableMenuModule from './executable-menu';
import { CONTRIBUTED_MODULES } from './modules';
import ProblemsModule from './problems';
import QualflowPropertiesModule from './qualflow-properties';

/** A new modeler drawing into `canvas`, its properties panel in `propertiesPanel`. */
export function createModeler(canvas: HTMLElement, propertiesPanel: HTMLElement): Modeler {
  return new Modeler({
    container: canvas,
    propertiesPanel: { parent: propertiesPanel, tooltip: ZeebeTooltipProvider },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      ZeebePropertiesProviderModule,
      ZeebeBehaviorsModule,
      QualflowPropertiesModule,
      ExecutableMenuModule,
      ProblemsModule,
      TokenSimulationModule,
      ...CONTRIBUTED_MODULES,
    ],
    moddleExtensions: MODDLE_EXTENSIONS,
  });
}
