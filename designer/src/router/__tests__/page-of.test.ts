import { describe, expect, it } from 'vitest';
import { parseHash } from '../routes';
import { pageOf } from '../use-focus-on-page-change';

const page = (hash: string) => pageOf(parseHash(hash));

describe('which page an address shows', () => {
  it('keeps the page when only a tab, a filter or a draft changes', () => {
    expect(page('#/tasks')).toBe(page('#/tasks/groups'));
    expect(page('#/instances')).toBe(page('#/instances?status=open&processKey=capa'));
    expect(page('#/designer?template=capa')).toBe(page('#/designer?draft=d1'));
    expect(page('#/monitor/overdue')).toBe(page('#/monitor/overdue?assignee=alice'));
  });

  it('names another page for another task, instance or monitor list', () => {
    expect(page('#/task/t1')).not.toBe(page('#/task/t2'));
    expect(page('#/instances/i1')).not.toBe(page('#/instances'));
    expect(page('#/monitor')).not.toBe(page('#/monitor/overdue'));
    expect(page('#/tasks')).not.toBe(page('#/task/t1'));
  });
});
