import { useState } from 'react';
import { ErrorMessage } from '../components/ErrorMessage';
import { useResource } from '../hooks/use-resource';
import { fetchPreferences, savePreferences, type NotifyBy } from './api';

const CHOICES: { value: NotifyBy; label: string; hint: string }[] = [
  { value: 'immediate', label: 'Immediately', hint: 'one mail per event' },
  { value: 'digest', label: 'Daily digest', hint: 'one mail a day with everything' },
];

/** How I get mail about my tasks: immediately or once a day. */
export function MailPreference() {
  const preferences = useResource(fetchPreferences, []);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  async function choose(notifyBy: NotifyBy) {
    setSaving(true);
    setError(null);
    try {
      await savePreferences(notifyBy);
      await preferences.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  }

  return (
    <fieldset className="card mail-preference" disabled={saving || !preferences.data}>
      <legend className="card-title">Mail about my tasks</legend>
      {CHOICES.map((choice) => (
        <label key={choice.value} className="mail-choice">
          <input
            type="radio"
            name="notifyBy"
            value={choice.value}
            checked={preferences.data?.notifyBy === choice.value}
            onChange={() => void choose(choice.value)}
          />
          {choice.label} <span className="muted small">({choice.hint})</span>
        </label>
      ))}
      <ErrorMessage error={error ?? preferences.error} />
    </fieldset>
  );
}
