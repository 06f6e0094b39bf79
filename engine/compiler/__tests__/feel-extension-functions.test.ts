import { describe, expect, it } from 'vitest';
import { compile } from '../index';
import { feelSyntaxError } from '../feel';
import { EXTENSION_FUNCTION_NAMES } from '../../../workflows/feel-functions';
import { between, escapeXml, processXml } from './bpmn-builder';

const scriptTask = (expression: string) =>
  `<bpmn:scriptTask id="Task_1" name="Prepare"><bpmn:extensionElements><zeebe:script expression="${escapeXml(expression)}" resultVariable="prepared" /></bpmn:extensionElements></bpmn:scriptTask>`;

describe('FEEL checks with the Camunda extension functions', () => {
  it.each([
    'is defined(x) and get or else(y, 0) > 1',
    'get or else(order.owner, "quality")',
    'assert(amount, amount > 0, "the amount must be positive")',
    'not(is empty(reviewers)) and is blank(comment) = false',
    'partition(duplicate values(items), 2)',
    'from json(to json({id: uuid()})).id',
    'add business days(today(), 5)',
    'business days between(received, today()) > 3',
    'string join(names, ", ", "[", "]")',
    '`risk score` > 10',
  ])('accepts %s', (expression) => {
    // then
    expect(feelSyntaxError(expression)).toBeUndefined();
  });

  it('knows the name of every extension function, even those holding FEEL keywords', () => {
    // when
    const problems = EXTENSION_FUNCTION_NAMES.map((name) => [name, feelSyntaxError(`${name}(a, b)`)]).filter(([, problem]) => problem !== undefined);

    // then
    expect(problems).toEqual([]);
  });

  it('still explains real syntax errors in expressions that call them', () => {
    expect(feelSyntaxError('get or else(x,')).toBe('the function call is incomplete at the end');
    expect(feelSyntaxError('is defined(x) and')).toBe('the "and" is incomplete at the end');
    expect(feelSyntaxError('is defined(x')).toBe('the function call is incomplete at the end');
    expect(feelSyntaxError('uuid())')).toBe('unexpected ")" at character 7');
  });

  it('compiles a script task using them, and reports a broken call with the element id', async () => {
    // given
    const good = processXml(between(scriptTask('=get or else(owner, "quality") + trim(suffix)')));
    const broken = processXml(between(scriptTask('=get or else(owner, ')));

    // when
    const [compiled, rejected] = await Promise.all([compile(good), compile(broken)]);

    // then
    expect(compiled.errors).toEqual([]);
    expect(compiled.model?.elements.Task_1).toMatchObject({ kind: 'scriptTask', expression: 'get or else(owner, "quality") + trim(suffix)' });
    expect(rejected.errors).toEqual([
      { elementId: 'Task_1', message: 'Script task "Prepare" (Task_1) has an invalid FEEL expression in the script expression: the function call is incomplete at the end' },
    ]);
  });
});
