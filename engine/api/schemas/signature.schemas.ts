/**
 * Electronic signatures on task completions (21 CFR Part 11 §11.50, §11.70, §11.200):
 * what a task asks of its signer, what the signer sends, and a signature as shown with
 * its record.
 */
import { z } from 'zod';
import { DateTime } from './common.schemas';

export const SignatureRequirement = z
  .object({
    required: z.literal(true),
    meanings: z.array(z.string()).meta({ description: 'the meanings the signer may choose from' }),
    needsUsername: z.boolean().meta({ description: 'first signing of this session: the username is asked with the password' }),
  })
  .meta({ id: 'SignatureRequirement' });

export const SignatureInput = z
  .object({
    username: z.string().min(1).max(200).optional().meta({ description: 'required at the first signing of a session' }),
    password: z.string().min(1).max(1000),
    meaning: z.string().min(1).max(100),
  })
  .meta({ id: 'SignatureInput' });

export const SignatureView = z
  .object({
    id: z.string(),
    taskId: z.string(),
    instanceId: z.string(),
    taskName: z.string(),
    username: z.string(),
    printedName: z.string(),
    meaning: z.string(),
    signedAt: DateTime,
    intact: z.boolean().meta({ description: 'false when the signed record no longer matches its hash (altered or copied)' }),
  })
  .meta({ id: 'Signature' });
