import { beforeAll, describe, expect, it } from 'vitest';
import { compile, type CompileResult } from '../../engine/compiler';
import { lintDefinitions, type LintFinding } from '../../engine/lint';
import { bpmnFixtures, parseForLint, readFixture } from './bpmn-fixtures';

/**
 * The designer's lint (the `qualflow` bpmnlint configuration: Camunda 8.8's rules without
 * what Qualflow accepts on purpose, plus the compiler's own checks) agrees with deploy:
 * over every BPMN diagram of the repository, it reports an error exactly when `compile()`
 * refuses the diagram, on the same elements.
 */

interface Run {
  file: string;
  compiled: CompileResult;
  /** Undefined when the XML cannot be read: bpmn-js could not open it, so there is nothing to lint. */
  lint?: LintFinding[];
}

const runs: Run[] = [];

const ids = (items: Array<{ elementId: string }>): string[] => [...new Set(items.map((item) => item.elementId))].sort();

beforeAll(async () => {
  for (const file of bpmnFixtures()) {
    const xml = readFixture(file);
    const definitions = await parseForLint(xml);
    runs.push({ file, compiled: await compile(xml), lint: definitions === undefined ? undefined : await lintDefinitions(definitions) });
  }
});

describe('the shared rule set of the designer and the compiler', () => {
  it('lints every diagram it can read, accepted and refused ones alike', () => {
    // then
    const linted = runs.filter((run) => run.lint);
    expect(linted.length).toBeGreaterThanOrEqual(24);
    expect(linted.filter((run) => run.compiled.model).length).toBeGreaterThanOrEqual(10);
    expect(linted.filter((run) => !run.compiled.model).length).toBeGreaterThanOrEqual(10);
  });

  it('reports an error exactly when the compiler refuses the diagram', () => {
    // when
    const verdicts = runs.filter((run) => run.lint).map(({ file, compiled, lint }) => ({
      file,
      lintRefuses: lint!.some((finding) => finding.category === 'error'),
      compilerRefuses: compiled.model === undefined,
    }));

    // then
    expect(verdicts.filter((verdict) => verdict.lintRefuses !== verdict.compilerRefuses)).toEqual([]);
  });

  it('reports its errors on the same elements as the compiler', () => {
    // when
    const differences = runs.filter((run) => run.lint).flatMap(({ file, compiled, lint }) => {
      const linted = ids(lint!.filter((finding) => finding.category === 'error'));
      const refused = ids(compiled.errors);
      return JSON.stringify(linted) === JSON.stringify(refused) ? [] : [{ file, lint: linted, compiler: refused }];
    });

    // then
    expect(differences).toEqual([]);
  });

  it("carries the compiler's own errors and warnings, in its words", () => {
    // when
    const differences = runs.filter((run) => run.lint).flatMap(({ file, compiled, lint }) => {
      const fromCompiler = (rule: string) => lint!.filter((finding) => finding.rule === rule)
        .map(({ elementId, message }) => ({ elementId, message }));
      const errors = fromCompiler('qualflow/compiler');
      const warnings = fromCompiler('qualflow/compiler-warnings');
      return JSON.stringify({ errors, warnings }) === JSON.stringify({ errors: compiled.errors, warnings: compiled.warnings })
        ? []
        : [{ file, lint: { errors, warnings }, compiler: { errors: compiled.errors, warnings: compiled.warnings } }];
    });

    // then
    expect(differences).toEqual([]);
  });

  it('refuses a diagram it cannot read, like the compiler', () => {
    // when
    const unreadable = runs.filter((run) => !run.lint);

    // then
    expect(unreadable.map((run) => run.file)).toEqual(['engine/compiler/__tests__/fixtures/coverage/broken/truncated.bpmn']);
    expect(unreadable.every((run) => run.compiled.errors.length > 0)).toBe(true);
  });
});
