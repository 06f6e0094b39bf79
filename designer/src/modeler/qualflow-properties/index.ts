/** bpmn-js module: Qualflow's groups in the properties panel (needs `BpmnPropertiesPanelModule` and the qualflow moddle). */
import QualflowPropertiesProvider from './QualflowPropertiesProvider';

export default {
  __init__: ['qualflowPropertiesProvider'],
  qualflowPropertiesProvider: ['type', QualflowPropertiesProvider],
};
