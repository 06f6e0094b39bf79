import { priorityLabel } from '../format/dates';

/** A 0–100 priority shown as High / Normal / Low with the number beside it. */
export function Priority({ value }: { value: number }) {
  const label = priorityLabel(value);
  return (
    <span className={`priority priority-${label.toLowerCase()}`} title={`Priority ${value} of 100`}>
      {label}
      <span className="priority-value"> {value}</span>
    </span>
  );
}
