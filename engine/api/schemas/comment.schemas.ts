/** Comments on a task, shown with its process context. */
import { z } from 'zod';
import { DateTime } from './common.schemas';

export const CommentSchema = z
  .object({ id: z.string(), taskId: z.string(), author: z.string(), text: z.string(), createdAt: DateTime })
  .meta({ id: 'TaskComment' });

export const CommentBody = z.object({ text: z.string().trim().min(1, 'write something').max(4000) }).meta({ id: 'TaskCommentInput' });

export const CommentList = z.object({ items: z.array(CommentSchema) });
