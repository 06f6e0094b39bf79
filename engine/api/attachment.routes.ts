import { addAttachment, listAttachments, readAttachment } from './attachment.service';
import { allowedType, checkSignature, readUpload } from './attachment-upload';
import { route, type AnyRoute } from './route';
import { AttachmentList, AttachmentSchema, UploadQuery } from './schemas/attachment.schemas';
import { ErrorSchema, IdParams } from './schemas/common.schemas';

const noTask = { description: 'No such task you may see', schema: ErrorSchema };

/** `filename*` (RFC 6266/8187): UTF-8, percent-encoded, including the characters encodeURIComponent leaves. */
function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Files attached to tasks: upload (raw body), list, download with headers that keep the browser from running them. */
export function attachmentRoutes(): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/tasks/:id/attachments',
      summary: 'Attach a file to an open task: the raw file as the body, its media type as Content-Type (PDF, images, text, CSV, Office), at most 10 MB',
      tag: 'tasks',
      access: 'user',
      params: IdParams,
      query: UploadQuery,
      responses: {
        201: { description: 'Attached', schema: AttachmentSchema },
        400: { description: 'Empty file or a bad file name', schema: ErrorSchema },
        404: noTask,
        409: { description: 'The task is closed', schema: ErrorSchema },
        413: { description: 'Larger than 10 MB', schema: ErrorSchema },
        415: { description: 'A media type that cannot be attached, or bytes that are not of the declared type', schema: ErrorSchema },
      },
      async handle({ deps, user, params, query, req }) {
        const contentType = allowedType(req);
        const data = await readUpload(req);
        checkSignature(contentType, data);
        return { status: 201, body: await addAttachment(deps.db, user, params.id, { fileName: query.fileName, contentType, data }) };
      },
    }),
    route({
      method: 'get',
      path: '/tasks/:id/attachments',
      summary: "The task's files (without their contents), oldest first",
      tag: 'tasks',
      access: 'user',
      params: IdParams,
      responses: { 200: { description: 'The files', schema: AttachmentList }, 404: noTask },
      async handle({ deps, user, params }) {
        return { body: { items: await listAttachments(deps.db, user, params.id) } };
      },
    }),
    route({
      method: 'get',
      path: '/attachments/:id',
      summary: 'Download an attached file (always as a download, sandboxed, never sniffed)',
      tag: 'tasks',
      access: 'user',
      params: IdParams,
      responses: {
        200: { description: 'The file as uploaded', contentType: 'application/octet-stream' },
        404: { description: 'No such file on a task you may see', schema: ErrorSchema },
      },
      async handle({ deps, user, params }) {
        const file = await readAttachment(deps.db, user, params.id);
        return {
          body: file.data,
          contentType: file.contentType,
          headers: {
            'Content-Disposition': contentDisposition(file.fileName),
            'Content-Security-Policy': "sandbox; default-src 'none'",
            'X-Content-Type-Options': 'nosniff',
            'Cache-Control': 'private, no-store',
          },
        };
      },
    }),
  ];
}
