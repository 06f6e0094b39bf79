/** Files attached to a task: what is listed (never the bytes) and how an upload is named. */
import { z } from 'zod';
import { DateTime } from './common.schemas';

export const AttachmentSchema = z
  .object({
    id: z.string(),
    taskId: z.string(),
    instanceId: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.string(),
    createdAt: DateTime,
  })
  .meta({ id: 'Attachment' });

export const AttachmentList = z.object({ items: z.array(AttachmentSchema) });

export const UploadQuery = z.object({
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((name) => !/[\\/\u0000-\u001f\u007f]/.test(name) && name !== '.' && name !== '..', 'a file name without folders or control characters')
    .meta({ description: 'the name the file is downloaded under' }),
});
