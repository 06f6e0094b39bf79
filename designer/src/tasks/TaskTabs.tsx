import { hrefOf, type TaskTab } from '../router/routes';

const TABS: { tab: TaskTab; label: string }[] = [
  { tab: 'mine', label: 'My tasks' },
  { tab: 'groups', label: 'My groups' },
  { tab: 'all', label: 'All I may see' },
  { tab: 'completed', label: 'Completed' },
];

/** The four views of the tasklist, as links so each has its own address. */
export function TaskTabs({ current, counts }: { current: TaskTab; counts?: Partial<Record<TaskTab, number>> }) {
  return (
    <nav className="tabs" aria-label="Task views">
      {TABS.map(({ tab, label }) => (
        <a key={tab} href={hrefOf({ name: 'tasks', tab })} aria-current={tab === current ? 'page' : undefined}>
          {label}
          {counts?.[tab] !== undefined && <span className="tab-count">{counts[tab]}</span>}
        </a>
      ))}
    </nav>
  );
}
