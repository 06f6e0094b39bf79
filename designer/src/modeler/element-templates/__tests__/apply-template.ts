/**
 * Writes what applying an element template does to a task, as BPMN XML, for tests that
 * compile the result: the element type from `elementType`, then each property's value
 * (the one given by label, else the template's default) written to its binding.
 * Covers the binding types Qualflow's templates use; throws on any other.
 */
import { escapeXml } from '../../../../../engine/compiler/__tests__/bpmn-builder';
import type { ElementTemplate } from '../templates';

type Property = ElementTemplate['properties'][number] & {
  label?: string;
  value?: string | boolean;
  optional?: boolean;
  binding: { type: string; name?: string; key?: string; property?: string };
};

/** The task `id` as XML after applying `template` with `values` (by property label). */
export function applyTemplate(template: ElementTemplate, id: string, values: Record<string, string | boolean> = {}): string {
  const attributes: string[] = [];
  const extensions = new Map<string, string[]>();
  const headers: string[] = [];
  const add = (element: string, attribute: string) => extensions.set(element, [...(extensions.get(element) ?? []), attribute]);
  for (const property of template.properties as Property[]) {
    const value = property.label !== undefined && property.label in values ? values[property.label] : property.value;
    const { binding } = property;
    if (binding.type === 'zeebe:userTask') {
      extensions.set('zeebe:userTask', extensions.get('zeebe:userTask') ?? []);
      continue;
    }
    if (value === undefined || (property.optional && value === '')) continue;
    const text = escapeXml(String(value));
    if (binding.type === 'property') attributes.push(`${binding.name}="${text}"`);
    else if (binding.type === 'zeebe:taskHeader') headers.push(`<zeebe:header key="${binding.key}" value="${text}" />`);
    else if (binding.type === 'zeebe:taskDefinition') add('zeebe:taskDefinition', `${binding.property}="${text}"`);
    else if (binding.type === 'zeebe:assignmentDefinition') add('zeebe:assignmentDefinition', `${binding.property}="${text}"`);
    else if (binding.type === 'zeebe:script') add('zeebe:script', `${binding.property}="${text}"`);
    else throw new Error(`applyTemplate does not know the binding type ${binding.type}`);
  }
  const tag = `bpmn:${template.elementType.value.slice('bpmn:'.length, 'bpmn:'.length + 1).toLowerCase()}${template.elementType.value.slice('bpmn:'.length + 1)}`;
  const children = [...extensions].map(([element, attrs]) => `<${element}${attrs.map((a) => ` ${a}`).join('')} />`);
  if (headers.length > 0) children.push(`<zeebe:taskHeaders>${headers.join('')}</zeebe:taskHeaders>`);
  const marker = `zeebe:modelerTemplate="${template.id}" zeebe:modelerTemplateVersion="${template.version}"`;
  return `<${tag} id="${id}" name="${template.name}" ${marker} ${attributes.join(' ')}><bpmn:extensionElements>${children.join('')}</bpmn:extensionElements></${tag}>`;
}
