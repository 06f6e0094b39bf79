import { useEffect, useRef } from 'react';
import { describeError } from '../api/error-text';

interface Props {
  error: unknown;
  /** Field key → label, so 422 field errors read with the form's own words. */
  labels?: Record<string, string>;
}

/** A failed call, said clearly; announced to screen readers and scrolled into view. */
export function ErrorMessage({ error, labels }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [error]);
  if (!error) return null;
  const { title, details } = describeError(error, labels);
  return (
    <div className="alert alert-error" role="alert" ref={ref}>
      <p className="alert-title">{title}</p>
      {details.length > 0 && (
        <ul className="alert-details">
          {details.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
