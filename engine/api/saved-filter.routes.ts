import { route, type AnyRoute } from './route';
import { createFilter, deleteFilter, listFilters, updateFilter } from './saved-filter.service';
import { ErrorSchema, IdParams } from './schemas/common.schemas';
import { SavedFilterBody, SavedFilterList, SavedFilterPatch, SavedFilterSchema } from './schemas/saved-filter.schemas';

const notFound = { description: 'No such filter of yours', schema: ErrorSchema };
const invalid = { description: 'Not a valid task list query', schema: ErrorSchema };
const taken = { description: 'You already have a filter with that name', schema: ErrorSchema };

/** Task list filters saved per user. */
export function savedFilterRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/filters',
      summary: 'Your saved task list filters',
      tag: 'tasks',
      access: 'user',
      responses: { 200: { description: 'Your filters, by name', schema: SavedFilterList } },
      async handle({ deps, user }) {
        return { body: { items: await listFilters(deps.db, user) } };
      },
    }),
    route({
      method: 'post',
      path: '/filters',
      summary: 'Save a task list filter under a name',
      tag: 'tasks',
      access: 'user',
      body: SavedFilterBody,
      responses: { 201: { description: 'Saved', schema: SavedFilterSchema }, 400: invalid, 409: taken },
      async handle({ deps, user, body }) {
        return { status: 201, body: await createFilter(deps.db, user, body) };
      },
    }),
    route({
      method: 'put',
      path: '/filters/:id',
      summary: 'Rename a saved filter or replace its query',
      tag: 'tasks',
      access: 'user',
      params: IdParams,
      body: SavedFilterPatch,
      responses: { 200: { description: 'Updated', schema: SavedFilterSchema }, 400: invalid, 404: notFound, 409: taken },
      async handle({ deps, user, params, body }) {
        return { body: await updateFilter(deps.db, user, params.id, body) };
      },
    }),
    route({
      method: 'delete',
      path: '/filters/:id',
      summary: 'Delete a saved filter',
      tag: 'tasks',
      access: 'user',
      params: IdParams,
      responses: { 204: { description: 'Deleted' }, 404: notFound },
      async handle({ deps, user, params }) {
        await deleteFilter(deps.db, user, params.id);
        return { status: 204 };
      },
    }),
  ];
}
