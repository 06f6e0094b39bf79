/**
 * The instance list's filters: process, version, status, business key, started between,
 * incident, overdue. Applying puts them in the address, so a filtered list can be shared.
 */
import { type FormEvent, useEffect, useState } from 'react';
import type { InstanceFilterName, InstanceFilters } from './list-filters';

const STATUSES: [string, string][] = [
  ['', 'Any'],
  ['open', 'Open (active or incident)'],
  ['active', 'Active'],
  ['incident', 'Incident'],
  ['completed', 'Completed'],
  ['canceled', 'Canceled'],
  ['terminated', 'Terminated'],
];
const YES_NO: [string, string][] = [
  ['', 'Any'],
  ['true', 'Yes'],
  ['false', 'No'],
];

/** `2026-12-03` (a date input, local time) ⇄ the ISO instant of that local midnight. */
const toInstant = (day: string) => (day ? new Date(`${day}T00:00:00`).toISOString() : '');
const toDay = (instant: string | undefined) => {
  if (!instant) return '';
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? '' : `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};
/** The day after `day`, so "started to" includes the whole day. */
const nextDay = (day: string) => (day ? toDay(new Date(new Date(`${day}T00:00:00`).getTime() + 36 * 3600_000).toISOString()) : '');

/** A labelled select over `[value, label]` choices. */
function ChoiceField({ label, value, onChange, choices }: { label: string; value: string | undefined; onChange(event: { target: { value: string } }): void; choices: [string, string][] }) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value ?? ''} onChange={onChange}>
        {choices.map(([choice, text]) => (
          <option key={choice} value={choice}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

interface Props {
  filters: InstanceFilters;
  processes: { key: string; name: string }[];
  onApply(filters: InstanceFilters): void;
}

export function InstanceFilterForm({ filters, processes, onApply }: Props) {
  const [draft, setDraft] = useState<InstanceFilters>(filters);
  useEffect(() => setDraft(filters), [JSON.stringify(filters)]);
  const set = (name: InstanceFilterName) => (event: { target: { value: string } }) => setDraft((current) => ({ ...current, [name]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const startedTo = draft.startedBefore ? toDay(new Date(new Date(draft.startedBefore).getTime() - 12 * 3600_000).toISOString()) : '';

  return (
    <form className="instance-filters" onSubmit={submit} aria-label="Filter instances">
      <label className="field">
        <span>Process</span>
        <select value={draft.processKey ?? ''} onChange={set('processKey')}>
          <option value="">Any</option>
          {processes.map((p) => (
            <option key={p.key} value={p.key}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Version</span>
        <input type="number" min={1} value={draft.version ?? ''} onChange={set('version')} disabled={!draft.processKey} />
      </label>
      <ChoiceField label="Status" value={draft.status} onChange={set('status')} choices={STATUSES} />
      <label className="field">
        <span>Business key</span>
        <input type="search" value={draft.businessKey ?? ''} onChange={set('businessKey')} placeholder="e.g. CAPA-2026" />
      </label>
      <label className="field">
        <span>Started from</span>
        <input type="date" value={toDay(draft.startedAfter)} onChange={(e) => setDraft((c) => ({ ...c, startedAfter: toInstant(e.target.value) }))} />
      </label>
      <label className="field">
        <span>Started to</span>
        <input type="date" value={startedTo} onChange={(e) => setDraft((c) => ({ ...c, startedBefore: toInstant(nextDay(e.target.value)) }))} />
      </label>
      <ChoiceField label="Open incident" value={draft.hasIncident} onChange={set('hasIncident')} choices={YES_NO} />
      <ChoiceField label="Overdue task" value={draft.overdue} onChange={set('overdue')} choices={YES_NO} />
      <div className="instance-filter-actions">
        <button type="submit" className="button-primary">
          Apply
        </button>
        <button type="button" className="button-secondary" onClick={() => onApply({})}>
          Clear
        </button>
      </div>
    </form>
  );
}
