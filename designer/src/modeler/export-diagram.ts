/** The designer's exports: the diagram as `.bpmn` (XML), `.svg` and `.png`, named after the process. */
import type Modeler from 'bpmn-js/lib/Modeler';
import { download, svgToPng } from './file-io';
import { processOfDiagram } from './process-of-diagram';

export type ExportFormat = 'bpmn' | 'svg' | 'png';

/** Downloads the diagram in `format`. @throws Error when the diagram cannot be written or drawn. */
export async function exportDiagram(modeler: Modeler, format: ExportFormat): Promise<void> {
  const fileName = `${processOfDiagram(modeler).key ?? 'diagram'}.${format}`;
  if (format === 'bpmn') {
    const { xml = '' } = await modeler.saveXML({ format: true });
    download(fileName, new Blob([xml], { type: 'application/xml' }));
    return;
  }
  const { svg } = await modeler.saveSVG();
  download(fileName, format === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : await svgToPng(svg));
}
