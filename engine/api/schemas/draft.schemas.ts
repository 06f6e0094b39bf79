/**
 * Drafts: diagrams a process owner is still working on in the designer, saved on the
 * server (autosave) so a reload or another browser does not lose them.
 */
import { z } from 'zod';
import { DateTime, pageOf } from './common.schemas';

/** The JSON body limit (1 MB) bounds the XML too; this keeps the message clear. */
const DraftXml = z.string().min(1, 'The draft XML is empty').max(1024 * 1024);
const DraftName = z.string().trim().min(1, 'A draft needs a name').max(500);

export const DraftSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    /** The BPMN process id once known. */
    processKey: z.string().nullable(),
    /** The deployed version the draft started from, if any. */
    baseVersion: z.number().int().nullable(),
    createdBy: z.string(),
    updatedBy: z.string(),
    createdAt: DateTime,
    updatedAt: DateTime,
  })
  .meta({ id: 'DraftSummary' });

export const DraftView = DraftSummary.extend({ xml: z.string() }).meta({ id: 'Draft' });

export const DraftList = pageOf(DraftSummary);

export const CreateDraftBody = z
  .object({
    name: DraftName,
    xml: DraftXml,
    processKey: z.string().min(1).max(255).optional(),
    baseVersion: z.number().int().min(1).optional(),
  })
  .meta({ id: 'CreateDraft' });

/** Autosave: the whole diagram each time, so sending the same body twice changes nothing. */
export const SaveDraftBody = z
  .object({
    xml: DraftXml,
    name: DraftName.optional(),
    processKey: z.string().min(1).max(255).optional(),
  })
  .meta({ id: 'SaveDraft' });

export const DraftListQuery = z.object({
  processKey: z.string().min(1).max(255).optional().meta({ description: 'only drafts of this process' }),
});
