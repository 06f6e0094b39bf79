/**
 * Deploying the designer's diagram as a new version. When the compiler refuses it, its
 * diagnostics go to the problems panel and onto the elements.
 */
import { useCallback, useState } from 'react';
import type Modeler from 'bpmn-js/lib/Modeler';
import { ApiError } from '../api/client';
import { deployDiagram, type DeployedDefinition } from './api';
import { showCompilerDiagnostics, type CompilerDiagnostic } from './problems/compiler-diagnostics';

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
      const refusal = error instanceof ApiError && error.status === 422 ? (error.body as { errors?: CompilerDiagnostic[]; warnings?: CompilerDiagnostic[] }) : undefined;
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
