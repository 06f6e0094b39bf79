import { describe, expect, it } from 'vitest';
import { markerOf, orderProblems, problemOfFinding, type Problem } from '../problems/problem';

const problem = (severity: Problem['severity'], elementId: string, message: string, source: Problem['source'] = 'lint'): Problem => ({ source, severity, elementId, message });

describe('designer problems', () => {
  it('lists errors before warnings and a problem reported twice once', () => {
    // given a warning, an error, and the same error again from deploy
    const problems = [problem('warning', 'Task_1', 'w'), problem('error', 'Task_2', 'e'), problem('error', 'Task_2', 'e', 'deploy')];
    // when they are ordered
    const ordered = orderProblems(problems);
    // then the error comes first, once
    expect(ordered.map((p) => `${p.severity}:${p.elementId}`)).toEqual(['error:Task_2', 'warning:Task_1']);
  });

  it('marks an element with the worst of its problems', () => {
    const problems = [problem('warning', 'Task_1', 'w'), problem('error', 'Task_1', 'e'), problem('warning', 'Task_2', 'w')];
    expect(markerOf(problems, 'Task_1')).toBe('qf-problem-error');
    expect(markerOf(problems, 'Task_2')).toBe('qf-problem-warning');
    expect(markerOf(problems, 'Task_3')).toBeUndefined();
  });

  it('reads lint warnings as warnings and everything else as errors', () => {
    expect(problemOfFinding({ rule: 'qualflow/compiler-warnings', category: 'warn', elementId: 'A', message: 'm' }).severity).toBe('warning');
    expect(problemOfFinding({ rule: 'qualflow/compiler', category: 'error', elementId: 'A', message: 'm' }).severity).toBe('error');
  });
});
