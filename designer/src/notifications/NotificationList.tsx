import { useState } from 'react';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { formatDateTime, formatRelative } from '../format/dates';
import { useResource } from '../hooks/use-resource';
import { hrefOf } from '../router/routes';
import { listNotifications, markAllRead, markRead, PAGE_SIZE, type AppNotification } from './api';

const KIND_LABELS: Record<string, string> = {
  'task.assigned': 'Assigned',
  'task.reminder': 'Reminder',
  'task.overdue': 'Overdue',
  'task.escalated': 'Escalated',
  'task.reassigned': 'Reassigned',
  info: 'Info',
};

/** My in-app notifications, newest first, with "mark read" one by one or all at once. */
export function NotificationList() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [error, setError] = useState<unknown>(null);
  const list = useResource(() => listNotifications({ unread: unreadOnly, page }), [unreadOnly, page], { pollMs: 30000 });

  async function act(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      await list.reload();
    } catch (caught) {
      setError(caught);
    }
  }

  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <section aria-labelledby="inbox-title">
      <div className="page-title">
        <h2 id="inbox-title">
          Inbox {data ? <span className="tab-count">{data.unread} unread</span> : null}
        </h2>
        <label className="inline-field">
          <input type="checkbox" checked={unreadOnly} onChange={(event) => { setPage(1); setUnreadOnly(event.target.checked); }} />
          <span>Unread only</span>
        </label>
        <button type="button" className="button-secondary button-small" disabled={!data?.unread} onClick={() => void act(markAllRead)}>
          Mark all read
        </button>
      </div>
      <ErrorMessage error={error ?? list.error} />
      {data === undefined && list.loading && <Loading label="Loading notifications…" />}
      {data?.items.length === 0 && <p className="empty">{unreadOnly ? 'Nothing unread.' : 'No notifications yet.'}</p>}
      {data && data.items.length > 0 && (
        <ul className="notification-list">
          {data.items.map((item) => (
            <NotificationItem key={item.id} item={item} onRead={() => void act(() => markRead(item.id))} />
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav className="pager" aria-label="Notification pages">
          <button type="button" className="button-secondary button-small" disabled={page <= 1} onClick={() => setPage(page - 1)}>Newer</button>
          <span className="muted small">Page {page} of {pages}</span>
          <button type="button" className="button-secondary button-small" disabled={page >= pages} onClick={() => setPage(page + 1)}>Older</button>
        </nav>
      )}
    </section>
  );
}

function NotificationItem({ item, onRead }: { item: AppNotification; onRead: () => void }) {
  const link = item.taskId ? hrefOf({ name: 'task', id: item.taskId }) : item.instanceId ? hrefOf({ name: 'instance', id: item.instanceId }) : undefined;
  return (
    <li className={item.readAt ? 'notification' : 'notification notification-unread'}>
      <div className="notification-head">
        <span className="notification-kind">{KIND_LABELS[item.kind] ?? item.kind}</span>
        <strong>{link ? <a href={link}>{item.subject}</a> : item.subject}</strong>
        <time className="muted small" dateTime={item.createdAt} title={formatDateTime(item.createdAt)}>
          {formatRelative(item.createdAt)}
        </time>
      </div>
      {item.body && <p className="notification-body">{item.body}</p>}
      {!item.readAt && (
        <button type="button" className="button-secondary button-small" onClick={onRead}>
          Mark read
        </button>
      )}
    </li>
  );
}
