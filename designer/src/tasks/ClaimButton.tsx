import { useState } from 'react';
import { claimTask, unclaimTask } from '../api/endpoints';
import type { TaskSummary } from '../api/types';
import { useAuth } from '../auth/auth-context';
import { canClaim, canUnclaim } from './task-queries';

interface Props {
  task: TaskSummary;
  onChanged(): void;
  onError(error: unknown): void;
}

/** Claim a free task, or give back one I hold. Nothing for tasks held by someone else. */
export function ClaimButton({ task, onChanged, onError }: Props) {
  const { user } = useAuth();
  const [busy, setBusy] = useState(false);
  const claim = canClaim(task);
  const unclaim = canUnclaim(task, user.username);
  if (!claim && !unclaim) return null;

  async function run() {
    setBusy(true);
    try {
      await (claim ? claimTask(task.id) : unclaimTask(task.id));
      onChanged();
    } catch (caught) {
      onError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <button
      type="button"
      className={claim ? 'button-primary button-small' : 'button-secondary button-small'}
      disabled={busy}
      onClick={run}
      aria-label={`${claim ? 'Claim' : 'Unclaim'} task ${task.name}`}
    >
      {claim ? 'Claim' : 'Unclaim'}
    </button>
  );
}
