/**
 * Access to the Temporal dev server and workflow bundle the global setup prepared.
 */
import { inject } from 'vitest';

/** `host:port` of the Temporal dev server shared by the whole test run. */
export function testTemporalAddress(): string {
  return inject('temporalAddress');
}

/**
 * The interpreter workflows bundled once for the run, to pass to `Worker.create` as
 * `workflowBundle`.
 *
 * @throws Error when `workflows/index.ts` is missing or did not bundle (the reason is in the message).
 */
export function testWorkflowBundle(): { codePath: string } {
  const codePath = inject('workflowBundlePath');
  if (!codePath) throw new Error(`No workflow bundle for this test run: ${inject('workflowBundleError')}`);
  return { codePath };
}

/** A task queue name no other test uses, so parallel test files never steal each other's tasks. */
export function uniqueTaskQueue(prefix = 'test'): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
