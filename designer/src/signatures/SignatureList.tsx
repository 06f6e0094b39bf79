/**
 * Signatures shown with the record they sign (21 CFR Part 11 §11.50): "Signed by <printed
 * name> on <date and time> — <meaning>", and a warning when the record no longer matches
 * what was signed.
 */
import { ErrorMessage } from '../components/ErrorMessage';
import { formatDateTime } from '../format/dates';
import { useResource } from '../hooks/use-resource';
import { fetchInstanceSignatures, type SignatureView } from './api';
import './signatures.css';

interface Props {
  signatures: SignatureView[];
  /** Name the signed task in each line (on an instance, where several tasks are signed). */
  withTaskName?: boolean;
}

/** The given signatures, oldest first; nothing when there are none. */
export function SignatureList({ signatures, withTaskName = false }: Props) {
  if (signatures.length === 0) return null;
  return (
    <ul className="signature-list" aria-label="Electronic signatures">
      {signatures.map((signature) => (
        <li key={signature.id} className={signature.intact ? 'signature' : 'signature signature-broken'}>
          {withTaskName && <strong>{signature.taskName}: </strong>}
          Signed by <span className="signature-name">{signature.printedName}</span> on{' '}
          <time dateTime={signature.signedAt}>{formatDateTime(signature.signedAt)}</time> —{' '}
          <span className="signature-meaning">{signature.meaning}</span>
          {!signature.intact && (
            <span role="alert" className="signature-warning">
              {' '}
              The record no longer matches what was signed.
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The signatures on an instance's tasks, loaded by itself (for the instance page); read again whenever `revision` changes. */
export function InstanceSignatures({ instanceId, revision }: { instanceId: string; revision?: string }) {
  const signatures = useResource(() => fetchInstanceSignatures(instanceId), [instanceId, revision]);
  if (signatures.error) return <ErrorMessage error={signatures.error} />;
  if (!signatures.data || signatures.data.length === 0) return null;
  return (
    <section className="card" aria-labelledby="instance-signatures-title">
      <h2 className="card-title" id="instance-signatures-title">
        Signatures
      </h2>
      <SignatureList signatures={signatures.data} withTaskName />
    </section>
  );
}
