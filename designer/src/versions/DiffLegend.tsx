/** What the colours on the two compared diagrams mean. */
export function DiffLegend() {
  return (
    <ul className="legend diff-legend" aria-label="Diff legend">
      <li>
        <span className="swatch swatch-diff-added" aria-hidden="true" /> Added (right)
      </li>
      <li>
        <span className="swatch swatch-diff-removed" aria-hidden="true" /> Removed (left)
      </li>
      <li>
        <span className="swatch swatch-diff-changed" aria-hidden="true" /> Changed
      </li>
      <li>
        <span className="swatch swatch-diff-layout" aria-hidden="true" /> Only moved
      </li>
    </ul>
  );
}
