/**
 * Small linear BPMN diagrams with diagram interchange (so bpmn-js can draw them) for the
 * designer's version, diff, draft and try-it tests: start → user tasks in a row → end.
 */

export interface Step {
  id: string;
  name: string;
  /** Candidate group of the user task (default `quality`). */
  group?: string;
  /** Horizontal offset added to the task's position, to make a layout-only change. */
  shiftX?: number;
}

const header = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs_versions" targetNamespace="http://qualflow.test/versions">`;

/** The XML of process `key` named `name`: Start → each step → End, laid out left to right. */
export function linearProcess(key: string, name: string, steps: Step[]): string {
  const ids = ['Start', ...steps.map((s) => s.id), 'End'];
  const flows = ids.slice(1).map((target, i) => ({ id: `Flow_${ids[i]}_${target}`, source: ids[i], target }));
  const incoming = (id: string) => flows.filter((f) => f.target === id).map((f) => `<bpmn:incoming>${f.id}</bpmn:incoming>`).join('');
  const outgoing = (id: string) => flows.filter((f) => f.source === id).map((f) => `<bpmn:outgoing>${f.id}</bpmn:outgoing>`).join('');
  const tasks = steps.map(
    (s) => `    <bpmn:userTask id="${s.id}" name="${s.name}">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="${s.group ?? 'quality'}" /></bpmn:extensionElements>
      ${incoming(s.id)}${outgoing(s.id)}
    </bpmn:userTask>`,
  );
  const x = (index: number) => 100 + index * 160 + (steps[index - 1]?.shiftX ?? 0);
  const box = (id: string, index: number) => {
    const isTask = index > 0 && index <= steps.length;
    const [w, h] = isTask ? [100, 80] : [36, 36];
    return { id, x: x(index), y: isTask ? 80 : 102, w, h };
  };
  const boxes = ids.map(box);
  const shapes = boxes.map(
    (b) => `      <bpmndi:BPMNShape id="${b.id}_di" bpmnElement="${b.id}"><dc:Bounds x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" /></bpmndi:BPMNShape>`,
  );
  const edges = flows.map((f, i) => {
    const from = boxes[i];
    const to = boxes[i + 1];
    return `      <bpmndi:BPMNEdge id="${f.id}_di" bpmnElement="${f.id}"><di:waypoint x="${from.x + from.w}" y="120" /><di:waypoint x="${to.x}" y="120" /></bpmndi:BPMNEdge>`;
  });
  return `${header}
  <bpmn:process id="${key}" name="${name}" isExecutable="true">
    <bpmn:startEvent id="Start">${outgoing('Start')}</bpmn:startEvent>
${tasks.join('\n')}
    <bpmn:endEvent id="End">${incoming('End')}</bpmn:endEvent>
${flows.map((f) => `    <bpmn:sequenceFlow id="${f.id}" sourceRef="${f.source}" targetRef="${f.target}" />`).join('\n')}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_${key}">
    <bpmndi:BPMNPlane id="Plane_${key}" bpmnElement="${key}">
${shapes.join('\n')}
${edges.join('\n')}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
