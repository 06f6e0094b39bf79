import { ErrorMessage } from '../components/ErrorMessage';
import type { DeployState } from './use-deploy';

/** What the last deploy did: the new version (with a link to start it), the compiler's refusal, or the failure. */
export function DeployNotice({ state }: { state: DeployState }) {
  switch (state.status) {
    case 'deployed':
      return (
        <p className="alert alert-success designer-notice" role="status">
          Deployed “{state.definition.name}” ({state.definition.key}) as version {state.definition.version}.{' '}
          <a href="#/processes">Start it from Processes</a>.
        </p>
      );
    case 'refused':
      return (
        <p className="alert alert-error designer-notice" role="alert">
          Not deployed: the compiler found {state.errorCount} {state.errorCount === 1 ? 'problem' : 'problems'}, marked on the diagram and listed below.
        </p>
      );
    case 'failed':
      return <ErrorMessage error={state.error} />;
    default:
      return null;
  }
}
