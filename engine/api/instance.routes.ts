import { cancelInstance, getInstance, listInstances, retryIncident, startInstance } from './instance.service';
import { route, type AnyRoute } from './route';
import { ErrorSchema, IdParams } from './schemas/common.schemas';
import {
  Accepted,
  CancelBody,
  IncidentParams,
  InstanceDetail,
  InstanceList,
  InstanceListQuery,
  RetryIncidentBody,
  StartedInstance,
  StartInstanceBody,
} from './schemas/instance.schemas';

const unavailable = { description: 'Temporal is not reachable; retry later (see Retry-After)', schema: ErrorSchema };

/** Starting, reading and steering process instances. */
export function instanceRoutes(): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/instances',
      summary: 'Start an instance of the latest (or given) version of a process',
      tag: 'instances',
      access: 'user',
      body: StartInstanceBody,
      responses: {
        201: { description: 'Started', schema: StartedInstance },
        404: { description: 'No such process or version', schema: ErrorSchema },
        503: unavailable,
      },
      async handle({ deps, user, body }) {
        return { status: 201, body: await startInstance(deps, user, body) };
      },
    }),
    route({
      method: 'get',
      path: '/instances',
      summary: 'The instances you may see, newest first',
      tag: 'instances',
      access: 'user',
      query: InstanceListQuery,
      responses: { 200: { description: 'A page of instances', schema: InstanceList } },
      async handle({ deps, user, query }) {
        return { body: await listInstances(deps.db, user, query) };
      },
    }),
    route({
      method: 'get',
      path: '/instances/:id',
      summary: 'One instance: variables, active elements, path taken and incidents',
      tag: 'instances',
      access: 'user',
      params: IdParams,
      responses: {
        200: { description: 'The instance', schema: InstanceDetail },
        404: { description: 'No such instance (or not yours to see)', schema: ErrorSchema },
      },
      async handle({ deps, user, params }) {
        return { body: await getInstance(deps, user, params.id) };
      },
    }),
    route({
      method: 'post',
      path: '/instances/:id/cancel',
      summary: 'Cancel a running instance; its open tasks close as canceled',
      tag: 'instances',
      access: 'user',
      params: IdParams,
      body: CancelBody,
      responses: {
        202: { description: 'Cancellation sent', schema: Accepted },
        403: { description: 'Not yours to cancel', schema: ErrorSchema },
        404: { description: 'No such instance', schema: ErrorSchema },
        409: { description: 'The instance has already ended', schema: ErrorSchema },
        503: unavailable,
      },
      async handle({ deps, user, params, body }) {
        await cancelInstance(deps, user, params.id, body.reason);
        return { status: 202, body: { id: params.id, status: 'canceling' } };
      },
    }),
    route({
      method: 'post',
      path: '/instances/:id/incidents/:incidentId/retry',
      summary: 'Run the element of an open incident again, optionally with corrected variables',
      tag: 'instances',
      access: 'user',
      params: IncidentParams,
      body: RetryIncidentBody,
      responses: {
        200: { description: 'Retried', schema: Accepted },
        403: { description: 'Not yours to retry', schema: ErrorSchema },
        404: { description: 'No such instance or incident', schema: ErrorSchema },
        409: { description: 'The incident is not open, or the process refused', schema: ErrorSchema },
        503: unavailable,
      },
      async handle({ deps, user, params, body }) {
        await retryIncident(deps, user, params.id, params.incidentId, body.variables);
        return { body: { id: params.incidentId, status: 'retried' } };
      },
    }),
  ];
}
