import type { InstanceDetail } from '../api/types';
import { StatusBadge } from '../components/StatusBadge';
import { formatDateTime } from '../format/dates';

/** The key facts of an instance in one line of label/value pairs. */
export function InstanceFacts({ instance }: { instance: InstanceDetail }) {
  return (
    <dl className="facts">
      <div>
        <dt>Status</dt>
        <dd>
          <StatusBadge status={instance.status} />
        </dd>
      </div>
      <div>
        <dt>Process</dt>
        <dd>
          <code>{instance.processKey}</code> v{instance.version}
        </dd>
      </div>
      {instance.startedAt && (
        <div>
          <dt>Started</dt>
          <dd>
            {formatDateTime(instance.startedAt)}
            {instance.startedBy ? ` by ${instance.startedBy}` : ''}
          </dd>
        </div>
      )}
      {instance.endedAt && (
        <div>
          <dt>Ended</dt>
          <dd>{formatDateTime(instance.endedAt)}</dd>
        </div>
      )}
      <div>
        <dt>Instance</dt>
        <dd className="mono small">{instance.id}</dd>
      </div>
    </dl>
  );
}
