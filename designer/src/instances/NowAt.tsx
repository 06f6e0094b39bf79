import type { InstanceDetail } from '../api/types';

interface Props {
  instance: InstanceDetail;
  elementName(id: string): string;
}

/** One sentence saying where a running instance stands; updates are announced politely. */
export function NowAt({ instance, elementName }: Props) {
  const stuck = (instance.incidents ?? []).filter((incident) => incident.state !== 'resolved');
  const waiting = instance.activeElements.map(elementName);
  const text = stuck.length
    ? `Stopped by an incident at: ${[...new Set(stuck.map((incident) => elementName(incident.elementId)))].join(', ')}`
    : waiting.length
      ? `Waiting at: ${waiting.join(', ')}`
      : 'Moving on…';
  return (
    <p className={stuck.length ? 'now-at now-at-stuck' : 'now-at'} aria-live="polite" data-testid="now-at">
      {text}
      {stuck.length > 0 && waiting.length > 0 && <span className="now-at-also"> · also waiting at {waiting.join(', ')}</span>}
    </p>
  );
}
