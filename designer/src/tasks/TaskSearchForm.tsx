import { useEffect, useState, type FormEvent } from 'react';
import { listDefinitions } from '../api/endpoints';
import { useResource } from '../hooks/use-resource';
import { latestVersions } from '../processes/latest-versions';
import type { TaskSearch } from './api';
import './tasklist-search.css';

const SORTS = [
  { value: '', label: 'Due date' },
  { value: '-priority', label: 'Priority, highest first' },
  { value: '-createdAt', label: 'Newest first' },
  { value: 'createdAt', label: 'Oldest first' },
];

interface Props {
  search: TaskSearch;
  onSearch(search: TaskSearch): void;
}

/** Narrows the task list: words in the name or business key, process, priority, one variable, and the order. */
export function TaskSearchForm({ search, onSearch }: Props) {
  const [draft, setDraft] = useState<TaskSearch>(search);
  const processes = useResource(async () => latestVersions(await listDefinitions()), []);
  useEffect(() => setDraft(search), [search]);

  const set = (field: keyof TaskSearch) => (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(draft);
  };

  return (
    <form className="task-search" role="search" aria-label="Search tasks" onSubmit={submit}>
      <label className="field">
        <span>Name or business key</span>
        <input type="search" value={draft.text ?? ''} onChange={set('text')} placeholder="e.g. CAPA-2026" />
      </label>
      <label className="field">
        <span>Process</span>
        <select value={draft.processKey ?? ''} onChange={set('processKey')}>
          <option value="">Any process</option>
          {(processes.data ?? []).map((d) => (
            <option key={d.key} value={d.key}>
              {d.name || d.key}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Priority at least</span>
        <input type="number" min={0} max={100} inputMode="numeric" value={draft.minPriority ?? ''} onChange={set('minPriority')} />
      </label>
      <label className="field">
        <span>Variable</span>
        <small id="variable-hint" className="hint">name=value, e.g. severity=high</small>
        <input value={draft.var ?? ''} onChange={set('var')} placeholder="severity=high" aria-describedby="variable-hint" />
      </label>
      <label className="field">
        <span>Sort by</span>
        <select value={draft.sort ?? ''} onChange={set('sort')}>
          {SORTS.map((sort) => (
            <option key={sort.value} value={sort.value}>
              {sort.label}
            </option>
          ))}
        </select>
      </label>
      <div className="task-search-actions">
        <button type="submit" className="button-primary button-small">
          Search
        </button>
        <button type="button" className="button-secondary button-small" onClick={() => onSearch({})}>
          Clear
        </button>
      </div>
    </form>
  );
}
