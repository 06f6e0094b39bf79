import type { Variables } from '../api/types';

/** The instance's variables, name and value; objects shown as compact JSON. */
export function VariablesTable({ variables }: { variables: Variables }) {
  const entries = Object.entries(variables ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <p className="muted">No variables yet.</p>;
  return (
    <table className="table variables-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([name, value]) => (
          <tr key={name}>
            <th scope="row" className="mono">
              {name}
            </th>
            <td className="mono value-cell">{display(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function display(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
