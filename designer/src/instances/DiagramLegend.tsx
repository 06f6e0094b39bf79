/** What the colours on the diagram mean. */
export function DiagramLegend() {
  return (
    <ul className="legend" aria-label="Diagram legend">
      <li>
        <span className="swatch swatch-active" aria-hidden="true" /> Waiting here now
      </li>
      <li>
        <span className="swatch swatch-completed" aria-hidden="true" /> Completed
      </li>
      <li>
        <span className="swatch swatch-incident" aria-hidden="true" /> Incident
      </li>
    </ul>
  );
}
