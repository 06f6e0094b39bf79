import { useAuth } from '../auth/auth-context';
import { hrefOf, type NotificationView } from '../router/routes';
import { MailPreference } from './MailPreference';
import { NotificationList } from './NotificationList';
import { OutboxTable } from './OutboxTable';
import './notifications.css';

/** My notifications and mail preference; for admins also the outbox of stored mail. */
export function NotificationsPage({ view }: { view: NotificationView }) {
  const { hasRole } = useAuth();
  const admin = hasRole('admin');
  const showOutbox = admin && view === 'outbox';
  return (
    <section aria-labelledby="notifications-title">
      <div className="page-title">
        <h1 id="notifications-title">Notifications</h1>
      </div>
      {admin && (
        <nav className="tabs" aria-label="Notification views">
          <a href={hrefOf({ name: 'notifications', view: 'inbox' })} aria-current={showOutbox ? undefined : 'page'}>My notifications</a>
          <a href={hrefOf({ name: 'notifications', view: 'outbox' })} aria-current={showOutbox ? 'page' : undefined}>Outbox</a>
        </nav>
      )}
      {showOutbox ? (
        <OutboxTable />
      ) : (
        <>
          <MailPreference />
          <NotificationList />
        </>
      )}
    </section>
  );
}
