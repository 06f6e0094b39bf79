import { z } from 'zod';
import { VariablesSchema } from './common.schemas';

const ISO_DURATION = /^P(?=\d|T\d)(?:\d+(?:[.,]\d+)?Y)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?W)?(?:\d+(?:[.,]\d+)?D)?(?:T(?=\d)(?:\d+(?:[.,]\d+)?H)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?S)?)?$/i;

export const PublishMessageBody = z
  .object({
    name: z.string().trim().min(1).max(255),
    /** Empty: the message has no correlation key (it can still start instances). */
    correlationKey: z.string().max(255).default(''),
    variables: VariablesSchema.optional(),
    timeToLive: z
      .string()
      .regex(ISO_DURATION, 'must be an ISO 8601 duration such as PT1H or P3D')
      .optional()
      .meta({ description: 'How long the message is kept for subscriptions opened later (ISO 8601 duration); absent: not kept' }),
    messageId: z
      .string()
      .min(1)
      .max(255)
      .optional()
      .meta({ description: 'Idempotency id: refused (409) while a message with this id is still kept' }),
  })
  .meta({ id: 'PublishMessage' });

export const PublishedMessage = z
  .object({
    correlated: z.number().int().meta({ description: 'Waiting subscriptions of running instances the message reached (at most one per process)' }),
    started: z.number().int().meta({ description: 'Instances started by message start events' }),
    messageId: z.string(),
  })
  .meta({ id: 'PublishedMessage' });

export const BroadcastSignalBody = z
  .object({
    name: z.string().trim().min(1).max(255),
    variables: VariablesSchema.optional(),
  })
  .meta({ id: 'BroadcastSignal' });

export const BroadcastedSignal = z
  .object({
    correlated: z.number().int().meta({ description: 'Waiting signal subscriptions of running instances it reached' }),
    started: z.number().int().meta({ description: 'Instances started by signal start events' }),
  })
  .meta({ id: 'BroadcastedSignal' });
