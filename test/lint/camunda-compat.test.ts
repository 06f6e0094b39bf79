import { beforeAll, describe, expect, it } from 'vitest';
import { compile, type CompileResult } from '../../engine/compiler';
import { CAMUNDA_CONFIG, lintDefinitions, TOLERATED, type LintFinding } from '../../engine/lint';
import { bpmnFixtures, parseForLint, readFixture } from './bpmn-fixtures';

/**
 * Camunda 8.8's modeler lint (bpmnlint-plugin-camunda-compat, untouched) against our
 * compiler, over every BPMN diagram in the repository: what Camunda refuses on an element,
 * the compiler refuses on the same element, in Camunda's words where Camunda has words for
 * the problem, except where Qualflow deliberately accepts more (listed below, with why).
 */

/** Camunda's errors that Qualflow accepts on purpose: the rule, and the reason (engine/lint/tolerances.ts applies them). */
const ACCEPTED_ON_PURPOSE: Record<string, string> = {
  'task-schedule': 'an ISO 8601 duration (P5D) is a due or follow-up date counted from when the task opens',
  subscription: 'a message throw or end event is a job publishing the message; it needs no correlation key',
  'user-task-form': 'an embedded Camunda form (formKey camunda-forms:bpmn:...) also works on a Camunda user task',
};

/**
 * For each Camunda rule that fires on the fixtures: the words of Camunda's modeler message
 * (@camunda/linting) that our error on the same element must use.
 */
const CAMUNDA_WORDS: Record<string, RegExp> = {
  'element-type': /is not supported/,
  'escalation-boundary-event-attached-to-ref': /is not allowed on (task|service task|user task|.*task)/,
  'message-reference': /must have a defined (name|message reference)|which does not exist/,
  subscription: /must have a defined subscription correlation key/,
  implementation: /must have a defined (task definition type|implementation|result variable)/,
  'called-element': /must have a defined called element/,
  'error-reference': /must have a defined (error code|error reference)/,
  'escalation-reference': /must have a defined (escalation code|escalation reference)/,
  'signal-reference': /must have a defined (name|signal reference)/,
  'link-event': /must have a (unique|defined) link name/,
  'loop-characteristics': /must have a defined (multi-instance input collection|output collection|output element)|is not supported/,
  timer: /with a time (cycle|date|duration) is not supported|must be an expression \(=\.\.\.\), or an ISO 8601 (date|interval|repeating interval)|must have a defined timer value/,
  'start-event-required': /must have exactly one start event|has no start event/,
  'no-multiple-none-start-events': /multiple none start events are not allowed/,
  'duplicate-task-headers': /with two or more task headers with the same key \(.+\) is not supported/,
  'io-mapping': /must have a defined (local|process) variable name/,
  'variable-name': /variable names must start with a letter or an underscore, and may contain only letters, digits, underscores, and dots/,
  feel: /invalid FEEL expression/,
  'priority-definition': /must be an expression \(=\.\.\.\), or an integer between 0 and 100/,
  'executable-process': /must be executable/,
  'version-tag': /with a version tag \(zeebe:versionTag\) must have a defined value/,
  'wait-for-completion': /with wait for completion disabled is not supported/,
  'no-business-id': /with a business ID for the called process is not supported/,
  'no-job-priority-definition': /with a job priority is not supported/,
  'start-event-form': /with a form is not supported/,
  'execution-listener': /with execution listeners is not supported/,
  'task-listener': /with task listeners is not supported/,
  'sequence-flow-condition': /with a condition expression is only supported if the source is an exclusive or inclusive gateway/,
};

interface FixtureRun {
  file: string;
  /** Camunda's error findings; undefined when the XML cannot be parsed at all. */
  camunda?: LintFinding[];
  compiled: CompileResult;
}

function ruleOf(finding: LintFinding): string {
  return finding.rule.replace(/^camunda-compat\//, '');
}

function tolerated(finding: LintFinding): boolean {
  return TOLERATED.some((tolerance) => tolerance.rule === ruleOf(finding) && tolerance.accepts({ id: finding.elementId, message: finding.message, data: finding.data }));
}

const runs: FixtureRun[] = [];

beforeAll(async () => {
  for (const file of bpmnFixtures()) {
    const xml = readFixture(file);
    const definitions = await parseForLint(xml);
    const camunda = definitions === undefined
      ? undefined
      : (await lintDefinitions(definitions, { config: { extends: `plugin:camunda-compat/${CAMUNDA_CONFIG}` }, tolerant: false }))
          .filter((finding) => finding.category === 'error');
    runs.push({ file, camunda, compiled: await compile(xml) });
  }
});

describe(`Camunda ${CAMUNDA_CONFIG} modeler lint compared with the compiler`, () => {
  it('runs over every BPMN diagram of the repository, broken ones included', () => {
    // then
    const files = runs.map((run) => run.file);
    expect(files.length).toBeGreaterThanOrEqual(25);
    expect(files).toEqual(expect.arrayContaining([
      'engine/compiler/__tests__/fixtures/coverage/broken/camunda-rules.bpmn',
      'test/api/fixtures/review.bpmn',
      'workflows/templates/capa.bpmn',
    ]));
    expect(runs.filter((run) => run.camunda && run.camunda.length > 0).length).toBeGreaterThanOrEqual(10);
  });

  it('refuses in the compiler, on the same element, every element Camunda refuses, except what Qualflow accepts on purpose', () => {
    // when
    const missed = runs.flatMap(({ file, camunda = [], compiled }) => {
      const refused = new Set(compiled.errors.map((error) => error.elementId));
      return camunda
        .filter((finding) => !refused.has(finding.elementId) && !tolerated(finding))
        .map((finding) => `${file}: ${finding.elementId} (${finding.rule}) ${finding.message}`);
    });

    // then
    expect(missed).toEqual([]);
  });

  it('refuses a diagram the XML parser cannot read, as Camunda cannot lint it', () => {
    // when
    const unreadable = runs.filter((run) => run.camunda === undefined);

    // then
    expect(unreadable.map((run) => run.file)).toEqual(['engine/compiler/__tests__/fixtures/coverage/broken/truncated.bpmn']);
    for (const run of unreadable) expect(run.compiled.errors).not.toEqual([]);
  });

  it('accepts more than Camunda only where listed, and each listed exception occurs in the fixtures', () => {
    // when
    const acceptedRules = new Set(runs.flatMap(({ camunda = [], compiled }) => camunda
      .filter((finding) => !compiled.errors.some((error) => error.elementId === finding.elementId))
      .map(ruleOf)));

    // then
    expect(TOLERATED.map((tolerance) => tolerance.rule).sort()).toEqual(Object.keys(ACCEPTED_ON_PURPOSE).sort());
    expect([...acceptedRules].sort()).toEqual(Object.keys(ACCEPTED_ON_PURPOSE).sort());
    for (const tolerance of TOLERATED) expect(tolerance.reason.length).toBeGreaterThan(20);
  });

  it("says what is wrong in the words of Camunda's modeler where Camunda reports the same element", () => {
    // when
    const unworded: string[] = [];
    const firedRules = new Set<string>();
    for (const { file, camunda = [], compiled } of runs) {
      for (const finding of camunda) {
        const ours = compiled.errors.filter((error) => error.elementId === finding.elementId);
        if (ours.length === 0 || tolerated(finding)) continue;
        const rule = ruleOf(finding);
        firedRules.add(rule);
        const words = CAMUNDA_WORDS[rule];
        if (!words || !ours.some((error) => words.test(error.message))) {
          unworded.push(`${file}: ${finding.elementId} (${rule}) Camunda: "${finding.message}"; ours: ${ours.map((error) => `"${error.message}"`).join(', ')}`);
        }
      }
    }

    // then
    expect(unworded).toEqual([]);
    expect(Object.keys(CAMUNDA_WORDS).filter((rule) => !firedRules.has(rule))).toEqual([]);
  });
});
