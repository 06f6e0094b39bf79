/**
 * Loads Qualflow's element templates into the modeler when its diagram starts, so the
 * templates are there whatever the modeler's configuration says, and reports templates
 * the library refuses (a broken template must not vanish silently).
 */
import { QUALFLOW_ELEMENT_TEMPLATES, type ElementTemplate } from './templates';

interface EventBus {
  on(event: string, priority: number, callback: (event: { errors?: Error[] }) => void): void;
}

interface ElementTemplatesLoader {
  setTemplates(templates: ElementTemplate[]): void;
}

/** After the library's own loader (priority 1000) read `config.elementTemplates`. */
const AFTER_CONFIG = 500;

export default class TemplateLoader {
  static $inject = ['eventBus', 'elementTemplatesLoader'];

  constructor(eventBus: EventBus, loader: ElementTemplatesLoader) {
    eventBus.on('elementTemplates.errors', AFTER_CONFIG, ({ errors }) => {
      for (const error of errors ?? []) console.error(`Element template refused: ${error.message}`);
    });
    eventBus.on('diagram.init', AFTER_CONFIG, () => loader.setTemplates(QUALFLOW_ELEMENT_TEMPLATES));
  }
}
