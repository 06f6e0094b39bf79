/**
 * bpmn-js module: Camunda 8 element templates in the properties panel, preloaded with
 * Qualflow's templates ("Notify", "Request e-signature", "Set record status") and a
 * chooser to apply them. Include it after the properties panel modules.
 */
import { CloudElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';
import TemplateChooser from './TemplateChooser';
import TemplateLoader from './TemplateLoader';

export { QUALFLOW_ELEMENT_TEMPLATES, type ElementTemplate } from './templates';

export default {
  __depends__: [CloudElementTemplatesPropertiesProviderModule],
  __init__: ['qualflowTemplateLoader', 'qualflowTemplateChooser'],
  qualflowTemplateLoader: ['type', TemplateLoader],
  qualflowTemplateChooser: ['type', TemplateChooser],
};
