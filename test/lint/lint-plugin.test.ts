import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import camundaCompat from 'bpmnlint-plugin-camunda-compat';
import { describe, expect, it } from 'vitest';
import { processXml, flow } from '../../engine/compiler/__tests__/bpmn-builder';
import { CAMUNDA_CONFIG, lintDefinitions } from '../../engine/lint';
import { BPMNLINT_RULES, CAMUNDA_COMPAT_RULES } from '../../engine/lint/camunda-compat-rules';
import { parseForLint } from './bpmn-fixtures';

const LINT_ENTRY = join(import.meta.dirname, '..', '..', 'engine', 'lint', 'index.ts');

/** Every module reachable from `entry` through relative imports, with the package specifiers each imports. */
function importGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const visit = (file: string): void => {
    if (graph.has(file)) return;
    const source = readFileSync(file, 'utf8');
    const specifiers = [...source.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)].map((match) => match[1]);
    graph.set(file, specifiers.filter((specifier) => !specifier.startsWith('.')));
    for (const relative of specifiers.filter((specifier) => specifier.startsWith('.'))) {
      const base = resolve(dirname(file), relative);
      const candidates = [`${base}.ts`, join(base, 'index.ts'), base];
      const found = candidates.find((candidate) => { try { readFileSync(candidate); return true; } catch { return false; } });
      if (found && found.endsWith('.ts')) visit(found);
    }
  };
  visit(entry);
  return graph;
}

const xmlWithGhostHost = processXml(`
  <bpmn:startEvent id="Start_1" />
  <bpmn:task id="Task_1" />
  <bpmn:endEvent id="End_1" />
  <bpmn:boundaryEvent id="Late" attachedToRef="Ghost"><bpmn:timerEventDefinition id="Late_def"><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
  ${flow('F1', 'Start_1', 'Task_1')}${flow('F2', 'Task_1', 'End_1')}${flow('F3', 'Late', 'End_1')}`);

interface Editable {
  get(property: string): unknown;
  set(property: string, value: unknown): void;
  rootElements: Array<{ flowElements: Array<{ id: string; set(property: string, value: unknown): void }> }>;
}

describe('the qualflow bpmnlint plugin', () => {
  it(`ships every rule of Camunda's ${CAMUNDA_CONFIG} configuration without Node's module resolution`, () => {
    // given
    const configured = Object.keys(camundaCompat.configs[CAMUNDA_CONFIG].rules ?? {});

    // then
    const shipped = [...Object.keys(CAMUNDA_COMPAT_RULES), ...Object.keys(BPMNLINT_RULES).map((rule) => `bpmnlint/${rule}`)];
    expect(shipped.sort()).toEqual(configured.sort());
  });

  it('imports nothing Node-only on the way to the compiler checks, so the designer can bundle it', () => {
    // when
    const graph = importGraph(LINT_ENTRY);
    const nodeOnly = [...graph].flatMap(([file, packages]) => packages
      .filter((specifier) => specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]))
      .map((specifier) => `${file}: ${specifier}`));

    // then
    expect([...graph.keys()].some((file) => file.endsWith('compile-definitions.ts'))).toBe(true);
    expect(nodeOnly).toEqual([]);
  });

  it('lints a tree edited in place afresh each time, as the designer does', async () => {
    // given
    const definitions = await parseForLint(processXml(`
      <bpmn:startEvent id="Start_1" /><bpmn:serviceTask id="Task_1" /><bpmn:endEvent id="End_1" />
      ${flow('F1', 'Start_1', 'Task_1')}${flow('F2', 'Task_1', 'End_1')}`)) as Editable;
    const before = await lintDefinitions(definitions);

    // when
    const task = definitions.rootElements[0].flowElements.find((element) => element.id === 'Task_1')!;
    task.set('name', 'Renamed');
    const root = definitions as unknown as { $model: { create(type: string, attrs?: object): unknown } };
    const extensions = root.$model.create('bpmn:ExtensionElements', { values: [root.$model.create('zeebe:TaskDefinition', { type: 'qualflow:log' })] });
    task.set('extensionElements', extensions);
    const after = await lintDefinitions(definitions);

    // then
    expect(before.filter((finding) => finding.category === 'error').map((finding) => finding.elementId)).toContain('Task_1');
    expect(after.filter((finding) => finding.category === 'error')).toEqual([]);
  });

  it('reports a reference to a missing element as the compiler does, until the element gets a real one', async () => {
    // given
    const definitions = await parseForLint(xmlWithGhostHost) as Editable;
    const before = await lintDefinitions(definitions);

    // when
    const elements = definitions.rootElements[0].flowElements;
    elements.find((element) => element.id === 'Late')!.set('attachedToRef', elements.find((element) => element.id === 'Task_1'));
    const after = await lintDefinitions(definitions);

    // then
    expect(before.filter((finding) => finding.rule === 'qualflow/compiler').map(({ elementId, message }) => ({ elementId, message }))).toEqual([
      { elementId: 'Late', message: 'Timer boundary event Late is attached to "Ghost", which does not exist' },
    ]);
    expect(after.filter((finding) => finding.category === 'error')).toEqual([]);
  });
});
