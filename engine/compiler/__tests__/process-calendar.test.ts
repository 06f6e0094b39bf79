import { describe, expect, it } from 'vitest';
import type { IntermediateCatchEventElement } from '../../../workflows/model';
import { compile } from '../index';
import { between, escapeXml, processXml } from './bpmn-builder';

/** A process around one element, with attributes on bpmn:process. */
function xml(element: string, processAttributes = ''): string {
  return processXml(between(element)).replace('<bpmn:process id="Process_1"', `<bpmn:process id="Process_1" ${processAttributes}`);
}

const timer = (attributes: string, duration = 'P2D') =>
  `<bpmn:intermediateCatchEvent id="Task_1" name="Wait"><bpmn:timerEventDefinition ${attributes}><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${duration}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`;

const script = (expression: string) =>
  `<bpmn:scriptTask id="Task_1" name="Due"><bpmn:extensionElements><zeebe:script expression="${escapeXml(expression)}" resultVariable="due" /></bpmn:extensionElements></bpmn:scriptTask>`;

describe('business time on the process', () => {
  it('reads the calendar and owner of the process and the working basis of a timer', async () => {
    // when
    const { model, errors, warnings } = await compile(xml(timer('qualflow:time="working"'), 'qualflow:calendar="germany" qualflow:owner="olivia"'));
    // then
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(model?.calendar).toEqual({ name: 'germany' });
    expect(model?.owner).toBe('olivia');
    expect((model?.elements.Task_1 as IntermediateCatchEventElement).trigger).toEqual({ type: 'timer', timer: { duration: 'P2D', basis: 'working' } });
  });

  it('loads the default calendar for a FEEL business-day call in a process that names none', async () => {
    // when
    const { model } = await compile(xml(script('=add working days(today(), 2)')));
    // then
    expect(model?.calendar).toEqual({});
  });

  it('loads no calendar for a process that counts only elapsed time, warning when it names one in vain', async () => {
    // when
    const plain = await compile(xml(timer('')));
    const named = await compile(xml(script('=today() + duration("P2D")'), 'qualflow:calendar="germany"'));
    // then
    expect(plain.model?.calendar).toBeUndefined();
    expect((plain.model?.elements.Task_1 as IntermediateCatchEventElement).trigger).toEqual({ type: 'timer', timer: { duration: 'P2D' } });
    expect(named.model?.calendar).toBeUndefined();
    expect(named.warnings).toEqual([expect.objectContaining({ elementId: 'Process_1', message: expect.stringMatching(/"germany".*never used/) })]);
  });

  it('reports a timer basis that is neither working nor elapsed, and a malformed calendar name, on their elements', async () => {
    // when
    const basis = await compile(xml(timer('qualflow:time="sometimes"')));
    const name = await compile(xml(timer('qualflow:time="working"'), 'qualflow:calendar="no spaces please"'));
    // then
    expect(basis.model).toBeUndefined();
    expect(basis.errors).toEqual([expect.objectContaining({ elementId: 'Task_1', message: expect.stringMatching(/"sometimes".*"working"/) })]);
    expect(name.model).toBeUndefined();
    expect(name.errors).toEqual([expect.objectContaining({ elementId: 'Process_1', message: expect.stringMatching(/calendar name/) })]);
  });

  it('refuses months in a working timer duration, and warns that a working time date is just a point in time', async () => {
    // given
    const date = '<bpmn:intermediateCatchEvent id="Task_1" name="Wait"><bpmn:timerEventDefinition qualflow:time="working"><bpmn:timeDate>2026-12-01T09:00:00Z</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>';
    // when
    const months = await compile(xml(timer('qualflow:time="working"', 'P1M')));
    const atDate = await compile(xml(date));
    // then
    expect(months.errors).toEqual([expect.objectContaining({ elementId: 'Task_1', message: expect.stringMatching(/"P1M" in working time.*no years or months/) })]);
    expect(atDate.errors).toEqual([]);
    expect(atDate.warnings).toEqual([expect.objectContaining({ elementId: 'Task_1', message: expect.stringMatching(/no effect on a time date/) })]);
  });
});
