/**
 * What an attachment upload may be: one of a few document and image types, at most
 * MAX_ATTACHMENT_BYTES, and — for the types with a fixed signature — bytes that really
 * are of the declared type. The body is read raw, never parsed.
 */
import type { Request } from 'express';
import { HttpError } from './errors';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** The accepted media types, each with the first bytes its files start with (when it has a signature). */
export const ALLOWED_TYPES: Record<string, number[] | null> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46],
  'image/png': [0x89, 0x50, 0x4e, 0x47],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/gif': [0x47, 0x49, 0x46, 0x38],
  'text/plain': null,
  'text/csv': null,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ZIP,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ZIP,
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ZIP,
};

/** The declared media type without parameters, when it is allowed; HttpError 415 otherwise. */
export function allowedType(req: Request): string {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!(type in ALLOWED_TYPES)) {
    throw new HttpError(415, `Files of type "${type || 'unknown'}" cannot be attached`, { allowed: Object.keys(ALLOWED_TYPES) });
  }
  return type;
}

const tooLarge = () => new HttpError(413, `An attachment may be at most ${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB`, undefined, { Connection: 'close' });

/** Reads the raw request body; HttpError 413 past the size limit, 400 when empty. */
export async function readUpload(req: Request, limit = MAX_ATTACHMENT_BYTES): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk);
  }
  if (size === 0) throw new HttpError(400, 'The file is empty');
  return Buffer.concat(chunks);
}

/** HttpError 415 when the bytes do not start as files of `type` do. */
export function checkSignature(type: string, data: Buffer): void {
  const signature = ALLOWED_TYPES[type];
  if (signature && !signature.every((byte, index) => data[index] === byte)) {
    throw new HttpError(415, `The file is not a ${type} file`);
  }
}
