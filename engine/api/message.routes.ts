import { randomUUID } from 'node:crypto';
import { badRequest } from './errors';
import { broadcastSignal, publishMessage, timeToLiveMs } from './message.service';
import { route, type AnyRoute } from './route';
import { ErrorSchema } from './schemas/common.schemas';
import { BroadcastedSignal, BroadcastSignalBody, PublishedMessage, PublishMessageBody } from './schemas/message.schemas';

const unavailable = { description: 'Temporal is not reachable; retry later (see Retry-After)', schema: ErrorSchema };
const notAllowed = { description: 'Only admins and process owners may publish', schema: ErrorSchema };

/**
 * Publishing messages and broadcasting signals. A message or signal reaches instances the
 * caller may not see and can start new ones, so only admins and process owners (the role
 * integrations sign in with) may publish.
 */
export function messageRoutes(): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/messages',
      summary: 'Publish a message: correlate it to waiting subscriptions, start instances at message start events, keep it for its time to live',
      tag: 'messages',
      access: ['admin', 'owner'],
      body: PublishMessageBody,
      responses: {
        200: { description: 'Published; how many subscriptions it reached and instances it started', schema: PublishedMessage },
        400: { description: 'Invalid message', schema: ErrorSchema },
        403: notAllowed,
        409: { description: 'A message with this message id is still kept', schema: ErrorSchema },
        503: unavailable,
      },
      async handle({ deps, user, body }) {
        const ttl = body.timeToLive === undefined ? 0 : timeToLiveMs(body.timeToLive);
        if (ttl === undefined) throw badRequest('timeToLive must be an ISO 8601 duration such as PT1H');
        const eventId = randomUUID();
        const result = await publishMessage(deps, {
          name: body.name,
          correlationKey: body.correlationKey,
          variables: body.variables ?? {},
          timeToLiveMs: ttl,
          messageId: body.messageId,
          eventId,
          publishedBy: user.username,
        });
        return { body: { ...result, messageId: body.messageId ?? eventId } };
      },
    }),
    route({
      method: 'post',
      path: '/signals',
      summary: 'Broadcast a signal to every waiting signal subscription and signal start event',
      tag: 'messages',
      access: ['admin', 'owner'],
      body: BroadcastSignalBody,
      responses: {
        200: { description: 'Broadcast; how many subscriptions it reached and instances it started', schema: BroadcastedSignal },
        400: { description: 'Invalid signal', schema: ErrorSchema },
        403: notAllowed,
        503: unavailable,
      },
      async handle({ deps, user, body }) {
        return { body: await broadcastSignal(deps, { name: body.name, variables: body.variables ?? {}, eventId: randomUUID(), publishedBy: user.username }) };
      },
    }),
  ];
}
