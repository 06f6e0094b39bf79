/**
 * The activities: every side effect of the interpreter, as one factory over its
 * dependencies, wired once in the worker. Each activity is idempotent.
 */
import { type ActivityDependencies } from './dependencies';
import { audit, raiseIncident, recordInstanceState, resolveIncident } from './instances';
import { runServiceTask } from './service-task';
import { releaseSharedVariables, storeSharedVariables } from './shared-variables';
import { closeTask, openTask } from './tasks';
import { broadcastSignal, closeSubscription, openSubscription, publisher } from './subscriptions';
import type { QualflowActivities } from './types';

export type { ActivityDependencies } from './dependencies';
export { serviceTaskHandlers, type ServiceTaskContext, type ServiceTaskHandler } from './handlers';

/** Creates the activity implementations over a Prisma client (and optionally a clock and handlers). */
export function createActivities(dependencies: ActivityDependencies): QualflowActivities {
  return {
    openTask: (input) => openTask(dependencies, input),
    closeTask: (input) => closeTask(dependencies, input),
    recordInstanceState: (input) => recordInstanceState(dependencies, input),
    raiseIncident: (input) => raiseIncident(dependencies, input),
    resolveIncident: (input) => resolveIncident(dependencies, input),
    runServiceTask: (input) => runServiceTask(dependencies, input),
    storeSharedVariables: (input) => storeSharedVariables(dependencies, input),
    releaseSharedVariables: (input) => releaseSharedVariables(dependencies, input),
    audit: (input) => audit(dependencies, input),
    openSubscription: (input) => openSubscription(dependencies, input),
    closeSubscription: (input) => closeSubscription(dependencies, input),
    findDecision: (input) => import('./decisions').then(({ findDecision }) => findDecision(dependencies, input)),
    resolveProcess: (input) => import('./processes').then(({ resolveProcess }) => resolveProcess(dependencies, input)),
    publishMessage: publisher(dependencies),
    broadcastSignal: (input) => broadcastSignal(dependencies, input),
    loadCalendar: (input) => import('./calendars').then(({ loadCalendar }) => loadCalendar(dependencies, input)),
    escalateTask: (input) => import('./escalations').then(({ escalateTask }) => escalateTask(dependencies, input)),
    changeTaskDue: (input) => import('./escalations').then(({ changeTaskDue }) => changeTaskDue(dependencies, input)),
  };
}
