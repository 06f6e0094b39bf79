import { createDraft, deleteDraft, getDraft, listDrafts, saveDraft } from './draft.service';
import { route, type AnyRoute } from './route';
import { ErrorSchema, IdParams } from './schemas/common.schemas';
import { CreateDraftBody, DraftList, DraftListQuery, DraftView, SaveDraftBody } from './schemas/draft.schemas';

const designers = ['owner', 'admin'] as const;
const notVisible = { description: 'No such draft, or not yours to see', schema: ErrorSchema };

/** The designer's server-side drafts (process owners and admins). */
export function draftRoutes(): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/drafts',
      summary: 'Save a new draft diagram',
      tag: 'designer',
      access: designers,
      body: CreateDraftBody,
      responses: { 201: { description: 'Saved', schema: DraftView } },
      async handle({ deps, user, body }) {
        return { status: 201, body: await createDraft(deps.db, user, body) };
      },
    }),
    route({
      method: 'get',
      path: '/drafts',
      summary: 'Your drafts and the drafts of processes you own (admins: all), most recently saved first',
      tag: 'designer',
      access: designers,
      query: DraftListQuery,
      responses: { 200: { description: 'Drafts without their XML', schema: DraftList } },
      async handle({ deps, user, query }) {
        return { body: await listDrafts(deps.db, user, query) };
      },
    }),
    route({
      method: 'get',
      path: '/drafts/:id',
      summary: 'One draft with its XML',
      tag: 'designer',
      access: designers,
      params: IdParams,
      responses: { 200: { description: 'The draft', schema: DraftView }, 404: notVisible },
      async handle({ deps, user, params }) {
        return { body: await getDraft(deps.db, user, params.id) };
      },
    }),
    route({
      method: 'put',
      path: '/drafts/:id',
      summary: 'Autosave: replace the draft diagram (and name); repeating the same save changes nothing',
      tag: 'designer',
      access: designers,
      params: IdParams,
      body: SaveDraftBody,
      responses: { 200: { description: 'Saved', schema: DraftView }, 404: notVisible },
      async handle({ deps, user, params, body }) {
        return { body: await saveDraft(deps.db, user, params.id, body) };
      },
    }),
    route({
      method: 'delete',
      path: '/drafts/:id',
      summary: 'Delete a draft',
      tag: 'designer',
      access: designers,
      params: IdParams,
      responses: { 204: { description: 'Deleted' }, 404: notVisible },
      async handle({ deps, user, params }) {
        await deleteDraft(deps.db, user, params.id);
        return { status: 204 };
      },
    }),
  ];
}
