/**
 * Small BPMN fixtures for behaviour tests: `definitions(...)` wraps process XML (and
 * root elements such as messages and signals) in a Camunda 8 document; `compileFixture`
 * compiles it and fails the test with the compiler's messages when it does not compile.
 */
import { compile } from '../../engine/compiler';
import type { ProcessModel } from '../../workflows/model';

/** A Camunda 8 BPMN document with one executable process `id` holding `body`, and `roots` beside it. */
export function definitions(id: string, body: string, roots = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  id="Definitions_${id}" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${id}" name="${id}" isExecutable="true">
${body}
  </bpmn:process>
${roots}
</bpmn:definitions>`;
}

/** A sequence flow, with a FEEL condition when given. */
export function flow(id: string, from: string, to: string, condition?: string): string {
  if (condition === undefined) return `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
  return `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>`;
}

/** Compiles the document. @throws Error listing the compiler's errors when it does not compile. */
export async function compileFixture(xml: string): Promise<ProcessModel> {
  const result = await compile(xml);
  if (!result.model) throw new Error(`The fixture does not compile:\n${result.errors.map((error) => `${error.elementId}: ${error.message}`).join('\n')}`);
  return result.model;
}
