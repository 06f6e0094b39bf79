import type { InstanceDetail, InstanceStatus } from '../api/types';
import { StatusBadge } from '../components/StatusBadge';
import { hrefOf } from '../router/routes';

/** What the API adds to an instance about call activities. */
interface CallLinks {
  parentInstanceId?: string | null;
  children?: { id: string; processKey: string; status: InstanceStatus }[];
}

/** The instance that called this one, and the instances its call activities started. */
export function CalledInstances({ instance, processName }: { instance: InstanceDetail; processName(key: string): string }) {
  const { parentInstanceId, children = [] } = instance as InstanceDetail & CallLinks;
  if (!parentInstanceId && children.length === 0) return null;
  return (
    <div className="called-instances small">
      {parentInstanceId && (
        <p>
          Started by a call activity of <a href={hrefOf({ name: 'instance', id: parentInstanceId })}>the calling instance</a>.
        </p>
      )}
      {children.length > 0 && (
        <>
          <p>Instances its call activities started:</p>
          <ul>
            {children.map((child) => (
              <li key={child.id}>
                <a href={hrefOf({ name: 'instance', id: child.id })}>{processName(child.processKey)}</a> <StatusBadge status={child.status} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
