import { useState, type FormEvent } from 'react';
import { hrefOf } from '../router/routes';
import { FORM_ID_PATTERN } from './new-form';

/** Asks for the id (and an optional title) of a new form, then opens the editor on it. */
export function NewFormForm() {
  const [formId, setFormId] = useState('');
  const [title, setTitle] = useState('');

  const open = (event: FormEvent) => {
    event.preventDefault();
    window.location.hash = hrefOf({ name: 'form', formId: formId.trim(), title: title.trim() });
  };

  return (
    <form className="card new-form" onSubmit={open}>
      <div className="field">
        <label htmlFor="new-form-id">Form id</label>
        <input
          id="new-form-id"
          required
          pattern={FORM_ID_PATTERN}
          value={formId}
          onChange={(event) => setFormId(event.target.value)}
          aria-describedby="new-form-id-help"
        />
        <p id="new-form-id-help" className="hint">
          How user tasks link the form (Form → Linked form → Form ID), e.g. <code>capa-root-cause</code>. Letters, digits, -, _ and .
        </p>
      </div>
      <div className="field">
        <label htmlFor="new-form-title">Title (optional)</label>
        <input id="new-form-title" value={title} onChange={(event) => setTitle(event.target.value)} />
      </div>
      <button type="submit" className="button-primary">
        Create form
      </button>
    </form>
  );
}
