import { describe, expect, it } from 'vitest';
import { titleOf } from '../page-title';
import { parseHash } from '../routes';

describe('the browser tab title of a page', () => {
  it('names the page before the product', () => {
    expect(titleOf(parseHash('#/tasks/groups'))).toBe('Tasks — Qualflow');
    expect(titleOf(parseHash('#/task/t1'))).toBe('Task — Qualflow');
    expect(titleOf(parseHash('#/instances?status=open'))).toBe('Instances — Qualflow');
    expect(titleOf(parseHash('#/processes/capa/access'))).toBe('Process access — Qualflow');
  });

  it('tells the monitor dashboard from the lists behind its numbers', () => {
    expect(titleOf(parseHash('#/monitor'))).toBe('Monitor — Qualflow');
    expect(titleOf(parseHash('#/monitor/overdue?assignee=alice'))).toBe('Overdue tasks — Qualflow');
  });
});
