/** A dashboard number that opens the list behind it; zero stays plain text. */
export function CountLink({ count, href, label }: { count: number; href: string; label: string }) {
  if (count === 0) return <span className="muted">0</span>;
  return (
    <a className="count-link" href={href} aria-label={`${count} ${label}`}>
      {count}
    </a>
  );
}
