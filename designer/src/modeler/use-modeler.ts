/** A bpmn-js Modeler living as long as the component, drawing into the two given elements. */
import { useEffect, useState, type RefObject } from 'react';
import type Modeler from 'bpmn-js/lib/Modeler';
import { createModeler } from './create-modeler';

export function useModeler(canvas: RefObject<HTMLDivElement | null>, propertiesPanel: RefObject<HTMLDivElement | null>): Modeler | null {
  const [modeler, setModeler] = useState<Modeler | null>(null);
  useEffect(() => {
    const created = createModeler(canvas.current!, propertiesPanel.current!);
    setModeler(created);
    return () => {
      created.destroy();
      setModeler(null);
    };
  }, [canvas, propertiesPanel]);
  return modeler;
}
