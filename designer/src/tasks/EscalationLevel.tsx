/** The escalation level of a task as a red badge; nothing while no level has fired. */
export function EscalationLevel({ level }: { level: number | undefined }) {
  if (!level) return null;
  return (
    <span className="badge badge-incident escalation-level" title={`${level} escalation level${level === 1 ? '' : 's'} fired`}>
      Escalated · level {level}
    </span>
  );
}
