import { describe, expect, it } from 'vitest';
import { compile, INPUT_LIMITS } from '../index';
import { between, definitions, flow, processXml, userTask } from './bpmn-builder';

const valid = processXml(between(userTask('Task_1', 'Review')));

describe('input bounds', () => {
  it('refuses a document over 2 MB', async () => {
    // given
    const padding = `<!-- ${'x'.repeat(INPUT_LIMITS.maxBytes)} -->`;

    // when
    const result = await compile(valid.replace('<bpmn:definitions', `${padding}\n<bpmn:definitions`));

    // then
    expect(result.model).toBeUndefined();
    expect(result.errors).toEqual([{ elementId: 'document', message: 'The document is larger than 2 MB, which is not accepted' }]);
  });

  it('counts bytes, not characters, against the size limit', async () => {
    // given: 0.8 M three-byte characters are 2.4 MB
    const padding = `<!-- ${'€'.repeat(800_000)} -->`;

    // when
    const result = await compile(valid.replace('<bpmn:definitions', `${padding}\n<bpmn:definitions`));

    // then
    expect(result.errors).toEqual([{ elementId: 'document', message: 'The document is larger than 2 MB, which is not accepted' }]);
  });

  it('refuses a document with a DOCTYPE before parsing it', async () => {
    // given
    const xml = valid.replace('<bpmn:definitions', '<!DOCTYPE lolz [<!ENTITY lol "lol">]>\n<bpmn:definitions');

    // when
    const result = await compile(xml);

    // then
    expect(result.errors).toEqual([{ elementId: 'document', message: 'The document contains a DOCTYPE declaration, which is not accepted; remove it' }]);
  });

  it('refuses nesting deeper than 50 levels, and reports it together with a DOCTYPE', async () => {
    // given
    const deep = `${'<a>'.repeat(60)}${'</a>'.repeat(60)}`;
    const xml = `<!DOCTYPE x>${definitions(`<bpmn:process id="P" isExecutable="true"><bpmn:documentation>${deep}</bpmn:documentation></bpmn:process>`)}`;

    // when
    const result = await compile(xml);

    // then
    expect(result.errors).toEqual([
      { elementId: 'document', message: 'The document contains a DOCTYPE declaration, which is not accepted; remove it' },
      { elementId: 'document', message: 'The document nests elements more than 50 levels deep, which is not accepted' },
    ]);
  });

  it('accepts nesting that stays within the limit', async () => {
    // given
    const xml = valid.replace('<bpmn:endEvent id="End_1" name="Done" />',
      `<bpmn:endEvent id="End_1" name="Done"><bpmn:documentation>${'<b>'.repeat(40)}${'</b>'.repeat(40)}</bpmn:documentation></bpmn:endEvent>`);

    // when
    const result = await compile(xml);

    // then
    expect(result.errors).toEqual([]);
  });

  it('refuses more than 5,000 flow elements', async () => {
    // given
    const tasks = Array.from({ length: 2600 }, (_, i) => `<bpmn:task id="T${i}" /><bpmn:sequenceFlow id="F${i}" sourceRef="T${i}" targetRef="T${i + 1}" />`);

    // when
    const result = await compile(processXml(tasks.join('')));

    // then
    expect(result.errors).toEqual([{ elementId: 'document', message: 'The diagram has 5200 flow elements; at most 5000 are accepted' }]);
  });

  it('refuses an empty document', async () => {
    // when
    const result = await compile('  \n');

    // then
    expect(result.errors).toEqual([{ elementId: 'document', message: 'The document is empty' }]);
  });
});

describe('reading the document', () => {
  it('reports malformed XML on the document, with its position', async () => {
    // given
    const xml = definitions('<bpmn:process id="P" isExecutable="true">\n<bpmn:userTask id="A">\n</bpmn:process>');

    // when
    const result = await compile(xml);

    // then
    expect(result.errors).toEqual([{ elementId: 'document', message: 'The document is not well-formed XML: closing tag mismatch at line 5, column 1' }]);
  });

  it('reports text that is not XML at all', async () => {
    // when
    const result = await compile('hello');

    // then
    expect(result.errors).toEqual([{ elementId: 'document', message: 'The document is not well-formed XML: missing start tag at line 1, column 1' }]);
  });

  it('reports XML that is not BPMN', async () => {
    // when
    const result = await compile('<?xml version="1.0"?><html><body /></html>');

    // then
    expect(result.errors).toEqual([{ elementId: 'document', message: 'The document is not a BPMN 2.0 diagram: its root element must be <bpmn:definitions>' }]);
  });

  it('reports an id used twice on the id, since the parser drops the second element', async () => {
    // given
    const xml = processXml(between(userTask('Task_1', 'Review')).replace('<bpmn:endEvent id="End_1"', '<bpmn:endEvent id="Task_1"'));

    // when
    const result = await compile(xml);

    // then
    expect(result.errors).toContainEqual({ elementId: 'Task_1', message: 'The id "Task_1" is used by more than one element (again at line 6); every id must be unique' });
  });

  it('reports an id that is not a valid XML name on the element that contains it', async () => {
    // given
    const xml = processXml(between(userTask('Task_1', 'Review')).replace('<bpmn:endEvent id="End_1"', '<bpmn:endEvent id="End 1"'));

    // when
    const result = await compile(xml);

    // then
    expect(result.errors).toContainEqual({ elementId: 'Process_1', message: '"End 1" (line 6) is not a valid element id: it must start with a letter or underscore and contain no spaces' });
  });

  it('reports an unknown BPMN or Zeebe element as an error on the element that contains it', async () => {
    // given
    const xml = processXml(between(userTask('Task_1', 'Review', '<zeebe:assignmentRules />')) + '\n<bpmn:approvalTask id="X" />');

    // when
    const result = await compile(xml);

    // then
    expect(result.errors).toEqual([
      { elementId: 'Task_1', message: 'User task "Review" (Task_1) contains <zeebe:assignmentRules> (line 5), which is not a known element here' },
      { elementId: 'Process_1', message: 'Process Process_1 contains <bpmn:approvalTask> (line 9), which is not a known element here' },
    ]);
  });

  it('warns about an unknown layout element and ignores it', async () => {
    // given
    const layout = '<bpmndi:BPMNDiagram id="Diagram_1"><bpmndi:BPMNPlane id="Plane_1" bpmnElement="Process_1"><bpmndi:BPMNSketch id="Sketch_1" /></bpmndi:BPMNPlane></bpmndi:BPMNDiagram>';
    const xml = valid.replace('</bpmn:definitions>', `${layout}</bpmn:definitions>`)
      .replace('<bpmn:definitions ', '<bpmn:definitions xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" ');

    // when
    const result = await compile(xml);

    // then
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      { elementId: 'Plane_1', message: 'Diagram plane Plane_1 contains <bpmndi:BPMNSketch> (line 10), which is not a known element here; it is ignored' },
    ]);
  });

  it('reports an element whose attributes cannot be read', async () => {
    // given
    const xml = valid.replace('<bpmn:endEvent id="End_1" name="Done" />', '<bpmn:endEvent id=End_1 />');

    // when
    const result = await compile(xml);

    // then
    expect(result.errors).toEqual([
      { elementId: 'Process_1', message: 'The element <bpmn:endEvent> at line 6 cannot be read: missing attribute value quotes' },
      { elementId: 'Process_1', message: 'End event in process Process_1 has no id; every element needs one' },
      { elementId: 'Flow_out', message: 'Sequence flow Flow_out has the target "End_1", which does not exist' },
    ]);
  });

  it('warns about stray text and unknown attributes, which are ignored', async () => {
    // given
    const xml = processXml(between(userTask('Task_1', 'Review', '<zeebe:assignmentDefinition assigne="alice" />', 'bpmn:owner="bob"')))
      .replace('<bpmn:endEvent id="End_1" name="Done" />', '<bpmn:endEvent id="End_1" name="Done">stray</bpmn:endEvent>');

    // when
    const result = await compile(xml);

    // then
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual(expect.arrayContaining([
      { elementId: 'Task_1', message: 'User task "Review" (Task_1) has the attribute "bpmn:owner", which is not known and is ignored' },
      { elementId: 'Task_1', message: 'User task "Review" (Task_1) has the attribute "assigne" on <zeebe:AssignmentDefinition>, which is not known and is ignored' },
      { elementId: 'document', message: 'The document contains the text "stray" (line 6), which does not belong there and is ignored' },
    ]));
  });

  it('warns about references to missing elements that do not change behaviour', async () => {
    // given
    const layout = '<bpmndi:BPMNDiagram id="Diagram_1"><bpmndi:BPMNPlane id="Plane_1" bpmnElement="Process_9" /></bpmndi:BPMNDiagram>';
    const xml = valid
      .replace('</bpmn:definitions>', `${layout}</bpmn:definitions>`)
      .replace('<bpmn:definitions ', '<bpmn:definitions xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" ')
      .replace('<bpmn:endEvent id="End_1" name="Done" />', '<bpmn:endEvent id="End_1" name="Done" /><bpmn:dataObjectReference id="Ref_1" name="Report" dataObjectRef="Missing_1" /><bpmn:association id="Assoc_1" sourceRef="Task_1" targetRef="Note_9" />');

    // when
    const result = await compile(xml);

    // then
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      { elementId: 'Ref_1', message: 'Data object "Report" (Ref_1) refers to "Missing_1", which does not exist' },
      { elementId: 'Assoc_1', message: 'Association Assoc_1 refers to "Note_9", which does not exist' },
      { elementId: 'document', message: 'The diagram layout refers to "Process_9", which does not exist' },
    ]);
  });

  it('warns that a document declaring another encoding was read as UTF-8', async () => {
    // when
    const result = await compile(valid.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'));

    // then
    expect(result.warnings).toEqual([{ elementId: 'document', message: 'The document declares an encoding other than UTF-8; it was read as UTF-8' }]);
  });

  it('ignores a flow element count within the limit', async () => {
    // given
    const xml = processXml(between(userTask('Task_1', 'Review')) + flow('Flow_extra', 'Task_1', 'End_1'));

    // when
    const result = await compile(xml);

    // then
    expect(result.errors).toEqual([]);
  });
});
