import * as replaceOptions from 'bpmn-js/lib/features/replace/ReplaceOptions';
import { describe, expect, it } from 'vitest';
import { isExecutableReplacement } from '../executable-elements';

const targetOf = (actionName: string) => {
  const all = Object.values(replaceOptions).flatMap((value) => (Array.isArray(value) ? value : Object.values(value).flat()));
  const option = all.find((candidate) => candidate.actionName === actionName);
  if (!option?.target) throw new Error(`bpmn-js has no replace option ${actionName}`);
  return option.target;
};

describe('the replace menu offers only what the compiler executes', () => {
  it.each([
    'replace-with-complex-gateway',
    'replace-with-transaction',
    'replace-with-ad-hoc-subprocess',
    'replace-with-conditional-start',
    'replace-with-conditional-intermediate-catch',
  ])('refuses %s anywhere', (action) => {
    // given a replace option of a kind Qualflow does not run
    // when it is judged in a process
    // then it is left out of the menu
    expect(isExecutableReplacement(targetOf(action), { parentType: 'bpmn:Process' })).toBe(false);
  });

  it.each(['replace-with-user-task', 'replace-with-parallel-gateway', 'replace-with-timer-start', 'replace-with-message-intermediate-catch', 'replace-with-terminate-end'])(
    'offers %s in a process',
    (action) => {
      expect(isExecutableReplacement(targetOf(action), { parentType: 'bpmn:Process' })).toBe(true);
    },
  );

  it('offers a timer start in a process but not inside an embedded sub-process, where only none starts run', () => {
    // given the timer start option
    const timerStart = targetOf('replace-with-timer-start');
    // then the position decides
    expect(isExecutableReplacement(timerStart, { parentType: 'bpmn:Process' })).toBe(true);
    expect(isExecutableReplacement(timerStart, { parentType: 'bpmn:SubProcess' })).toBe(false);
    expect(isExecutableReplacement(timerStart, { parentType: 'bpmn:SubProcess', parentTriggeredByEvent: true })).toBe(true);
  });

  it('refuses a cancel boundary event but offers a timer boundary event', () => {
    expect(isExecutableReplacement(targetOf('replace-with-cancel-boundary'))).toBe(false);
    expect(isExecutableReplacement(targetOf('replace-with-timer-boundary'))).toBe(true);
  });
});
