/**
 * `qualflow:publish-message`: publishes a message from a send task, a message throw or a
 * message end event, exactly as `POST /api/messages` does. Headers (FEEL already
 * evaluated): `messageName` (required), `correlationKey` (empty: none), `timeToLive`
 * (ISO 8601 duration; absent: not kept), `variables` (comma-separated names of the
 * variables to send; absent: every variable the task sees). Returns nothing.
 * Publishing twice for the same element run reaches every instance once.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { Variables } from '../../workflows/contract';
import { publishMessage, workerDependencies } from '../subscriptions';
import { headerList, type ServiceTaskHandler } from './types';

export const publishMessageHandler: ServiceTaskHandler = async ({ db, instanceId, elementInstanceId, headers, variables }) => {
  const name = (headers.messageName ?? '').trim();
  if (name === '') throw ApplicationFailure.nonRetryable('qualflow:publish-message needs the header "messageName"');
  const dependencies = workerDependencies(db);
  if (!dependencies) throw ApplicationFailure.nonRetryable('qualflow:publish-message runs only in a Qualflow worker (no Temporal client)');
  const names = headers.variables === undefined ? undefined : headerList(headers.variables);
  const payload: Variables = names ? Object.fromEntries(names.filter((key) => key in variables).map((key) => [key, variables[key]])) : { ...variables };
  const timeToLive = headers.timeToLive?.trim() || undefined;
  try {
    await publishMessage(dependencies, {
      name,
      correlationKey: (headers.correlationKey ?? '').trim(),
      variables: payload,
      timeToLive,
      eventId: `${instanceId}:${elementInstanceId}`,
    });
  } catch (error) {
    if (error instanceof Error && /not an ISO 8601 duration|still kept/.test(error.message)) throw ApplicationFailure.nonRetryable(error.message);
    throw error;
  }
};
