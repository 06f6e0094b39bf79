import type { Variables } from '../api/types';

interface Props {
  variables: Variables;
  /** When given (admins, running instance), each row offers a Change button. */
  onChange?(name: string): void;
}

/** The instance's variables, name and value; objects shown as compact JSON. */
export function VariablesTable({ variables, onChange }: Props) {
  const entries = Object.entries(variables ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <p className="muted">No variables yet.</p>;
  return (
    <table className="table variables-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
          {onChange && (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {entries.map(([name, value]) => (
          <tr key={name}>
            <th scope="row" className="mono">
              {name}
            </th>
            <td className="mono value-cell">{display(value)}</td>
            {onChange && (
              <td>
                <button type="button" className="button-secondary button-small" aria-label={`Change ${name}`} onClick={() => onChange(name)}>
                  Change…
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A variable's value in one line: text as is, anything else as JSON. */
export function display(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
