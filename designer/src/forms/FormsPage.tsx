import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { formatDateTime } from '../format/dates';
import { useResource } from '../hooks/use-resource';
import { hrefOf } from '../router/routes';
import { listForms } from './api';
import { NewFormForm } from './NewFormForm';
import './forms.css';

/** `#/forms`: the forms user tasks can link, each opening in the form editor, and a new one. */
export function FormsPage() {
  const forms = useResource(listForms, []);
  return (
    <section aria-labelledby="forms-title">
      <div className="page-title">
        <h1 id="forms-title">Forms</h1>
      </div>
      <p className="muted">The forms staff fill in at user tasks. Link one from a task's Form group in the designer.</p>
      <ErrorMessage error={forms.error} />
      {forms.data === undefined && forms.loading && <Loading label="Loading forms…" />}
      {forms.data?.length === 0 && <p className="empty">No forms yet.</p>}
      {forms.data && forms.data.length > 0 && (
        <table className="table forms-table">
          <thead>
            <tr>
              <th scope="col">Form</th>
              <th scope="col">Id</th>
              <th scope="col">Version</th>
              <th scope="col">Saved</th>
            </tr>
          </thead>
          <tbody>
            {forms.data.map((form) => (
              <tr key={form.formId}>
                <td>
                  <a href={hrefOf({ name: 'form', formId: form.formId, title: '' })}>{form.name ?? form.formId}</a>
                </td>
                <td>
                  <code>{form.formId}</code>
                </td>
                <td>{form.version}</td>
                <td>{formatDateTime(form.savedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>New form</h2>
      <NewFormForm />
    </section>
  );
}
