/**
 * Deploying the designer's diagram as a new version. When the compiler refuses it, its
 * diagnostics go to the problems panel and onto the elements.
 */
import { useCallback, useState } from 'react';
import type Modeler from 'bpmn-js/lib/Modeler';
import { deployDiagram, type DeployedDefinition } from './api';
import { compilerRefusal, showCompilerDiagnostics } from './problems/compiler-diagnostics';

export type DeployState =
  | { status: 'idle' | 'deploying' }
  | { status: 'deployed'; definition: DeployedDefinition }
  | { status: 'refused'; errorCount: number }
  | { status: 'failed'; error: unknown };

export function useDeploy(modeler: Modeler | null): { state: DeployState; deploy(): Promise<void> } {
  const [state, setState] = useState<DeployState>({ status: 'idle' });
  const deploy = useCallback(async () => {
    if (!modeler) return;
    setState({ status: 'deploying' });
    try {
      const { xml = '' } = await modeler.saveXML({ format: true });
      setState({ status: 'deployed', definition: await deployDiagram(xml) });
    } catch (error) {
      const refusal = compilerRefusal(error);
      if (!refusal) {
        setState({ status: 'failed', error });
        return;
      }
      showCompilerDiagnostics(modeler, refusal.errors ?? [], refusal.warnings);
      setState({ status: 'refused', errorCount: refusal.errors?.length ?? 0 });
    }
  }, [modeler]);
  return { state, deploy };
}
