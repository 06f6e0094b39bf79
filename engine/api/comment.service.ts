/**
 * Comments on tasks. Whoever may see a task may read and add its comments; a comment is
 * never edited or deleted (it is part of the record).
 */
import type { z } from 'zod';
import type { AuthUser, Db } from './context';
import type { CommentSchema } from './schemas/comment.schemas';
import { visibleTask } from './task-view';

type Comment = z.output<typeof CommentSchema>;

function toView(row: { id: string; taskId: string; author: string; text: string; createdAt: Date }): Comment {
  return { id: row.id, taskId: row.taskId, author: row.author, text: row.text, createdAt: row.createdAt.toISOString() };
}

/** The task's comments, oldest first; 404 when the caller may not see the task. */
export async function listComments(db: Db, user: AuthUser, taskId: string): Promise<Comment[]> {
  await visibleTask(db, user, taskId);
  const rows = await db.taskComment.findMany({ where: { taskId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  return rows.map(toView);
}

/** Adds a comment by the caller; 404 when the caller may not see the task. */
export async function addComment(db: Db, user: AuthUser, taskId: string, text: string): Promise<Comment> {
  const { task } = await visibleTask(db, user, taskId);
  const row = await db.taskComment.create({ data: { taskId, instanceId: task.instanceId, author: user.username, text } });
  return toView(row);
}
