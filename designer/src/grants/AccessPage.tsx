import { useMemo, useRef, useState } from 'react';
import { listUsers } from '../api/endpoints';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { useResource } from '../hooks/use-resource';
import { useDefinitionNames } from '../processes/use-definition-names';
import { fetchProcessFacts, listGrants } from './api';
import { changeMessage, peopleToOffer } from './grant-rules';
import { GrantForm } from './GrantForm';
import { GrantTable } from './GrantTable';
import { RevokeDialog } from './RevokeDialog';
import './grants.css';

/**
 * Who a process is given to besides its owner: the people listed see all its instances
 * and tasks. Admins and the process owner give it and take it back; anyone else reads the
 * server's refusal.
 */
export function AccessPage({ processKey }: { processKey: string }) {
  const processName = useDefinitionNames()(processKey);
  const facts = useResource(() => fetchProcessFacts(processKey), [processKey]);
  const grants = useResource(() => listGrants(processKey), [processKey]);
  // Only admins and managers may list users; everyone else types a username.
  const users = useResource(() => listUsers().catch(() => null), []);
  const [message, setMessage] = useState('');
  const [takingBack, setTakingBack] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const owner = facts.data?.owner ?? null;
  const names = useMemo(() => new Map((users.data ?? []).map((user) => [user.username, user.name])), [users.data]);
  // undefined while the users load, null when they cannot be listed (a username is typed then).
  const offered = users.data && grants.data ? peopleToOffer(users.data, grants.data, owner) : users.data;

  async function given(username: string) {
    setMessage(changeMessage('given', username, processName));
    await grants.reload();
  }

  async function takenBack(username: string) {
    setTakingBack(null);
    setMessage(changeMessage('taken back', username, processName));
    await grants.reload();
    // The button that opened the dialog is gone: carry on from the top of the page.
    heading.current?.focus();
  }

  return (
    <section aria-labelledby="access-title" className="access-page">
      <p className="breadcrumb">
        <a href="#/processes">← Processes</a>
      </p>
      <h1 id="access-title" ref={heading} tabIndex={-1}>
        Access · {processName}
      </h1>
      <p className="muted">
        People given a process see all its instances and tasks, in the tasklist and the monitor, as its owner does. Everyone
        else sees only the work they take part in.
      </p>
      <ErrorMessage error={facts.error} />
      <dl className="facts">
        <div>
          <dt>Process key</dt>
          <dd>
            <code>{processKey}</code>
          </dd>
        </div>
        <div>
          <dt>Owner</dt>
          <dd data-testid="process-owner">{facts.data ? owner ?? 'nobody' : '…'}</dd>
        </div>
      </dl>
      <div role="status" className="access-status">
        {message && <p className="alert alert-success">{message}</p>}
      </div>
      <ErrorMessage error={grants.error} />
      {grants.data === undefined && grants.loading && <Loading label="Loading who the process is given to…" />}
      {grants.data && (
        <>
          <GrantTable grants={grants.data} names={names} owner={owner} onTakeBack={setTakingBack} />
          {offered !== undefined && <GrantForm processKey={processKey} people={offered} onGiven={given} />}
        </>
      )}
      <RevokeDialog
        processKey={processKey}
        processName={processName}
        username={takingBack}
        onClose={() => setTakingBack(null)}
        onTakenBack={takenBack}
      />
    </section>
  );
}
