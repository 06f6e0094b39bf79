/**
 * Files attached to tasks (and through them to their instance). Whoever may see a task
 * may list and download its files; files are added while the task is open and never
 * changed afterwards. Each addition is written to the audit trail (`attachment.added`,
 * with the file's name, size and SHA-256) in the same transaction.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AuthUser, Db } from './context';
import { conflict, notFound } from './errors';
import type { AttachmentSchema } from './schemas/attachment.schemas';
import { visibleTask } from './task-view';
import { recordAudit } from './audit-entry';

type Attachment = z.output<typeof AttachmentSchema>;

const META = {
  id: true,
  taskId: true,
  instanceId: true,
  fileName: true,
  contentType: true,
  size: true,
  sha256: true,
  uploadedBy: true,
  createdAt: true,
} as const;

function toView(row: Omit<Attachment, 'createdAt'> & { createdAt: Date }): Attachment {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

export interface Upload {
  fileName: string;
  contentType: string;
  data: Buffer;
}

/** Attaches a file to an open task the caller may see; 404 unseen, 409 closed. */
export async function addAttachment(db: Db, user: AuthUser, taskId: string, upload: Upload): Promise<Attachment> {
  const { task } = await visibleTask(db, user, taskId);
  if (task.state !== 'open') throw conflict(`The task is ${task.state}; files can no longer be attached`);
  const id = randomUUID();
  const sha256 = createHash('sha256').update(upload.data).digest('hex');
  const facts = { fileName: upload.fileName, contentType: upload.contentType, size: upload.data.length, sha256 };
  const [row] = await db.$transaction([
    db.attachment.create({
      data: { id, taskId, instanceId: task.instanceId, ...facts, data: new Uint8Array(upload.data), uploadedBy: user.username },
      select: META,
    }),
    recordAudit(db, { id: `attachment.added:${id}`, actor: user.username, action: 'attachment.added', instanceId: task.instanceId, taskId, details: { attachmentId: id, ...facts } }),
  ]);
  return toView(row);
}

/** The task's files, oldest first, without their bytes; 404 when the caller may not see the task. */
export async function listAttachments(db: Db, user: AuthUser, taskId: string): Promise<Attachment[]> {
  await visibleTask(db, user, taskId);
  const rows = await db.attachment.findMany({ where: { taskId }, select: META, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  return rows.map(toView);
}

/** One file with its bytes; 404 when missing or its task is not the caller's to see. */
export async function readAttachment(db: Db, user: AuthUser, id: string): Promise<Attachment & { data: Buffer }> {
  const row = await db.attachment.findUnique({ where: { id } });
  if (!row) throw notFound(`No attachment "${id}"`);
  await visibleTask(db, user, row.taskId).catch(() => {
    throw notFound(`No attachment "${id}"`);
  });
  const { data, ...meta } = row;
  return { ...toView(meta), data: Buffer.from(data) };
}
