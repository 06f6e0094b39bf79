import { addComment, listComments } from './comment.service';
import { route, type AnyRoute } from './route';
import { ErrorSchema, IdParams } from './schemas/common.schemas';
import { CommentBody, CommentList, CommentSchema } from './schemas/comment.schemas';

const notFound = { description: 'No such task you may see', schema: ErrorSchema };

/** Comments on a task. */
export function commentRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/tasks/:id/comments',
      summary: "The task's comments, oldest first",
      tag: 'tasks',
      access: 'user',
      params: IdParams,
      responses: { 200: { description: 'The comments', schema: CommentList }, 404: notFound },
      async handle({ deps, user, params }) {
        return { body: { items: await listComments(deps.db, user, params.id) } };
      },
    }),
    route({
      method: 'post',
      path: '/tasks/:id/comments',
      summary: 'Comment on a task you may see',
      tag: 'tasks',
      access: 'user',
      params: IdParams,
      body: CommentBody,
      responses: { 201: { description: 'Added', schema: CommentSchema }, 404: notFound },
      async handle({ deps, user, params, body }) {
        return { status: 201, body: await addComment(deps.db, user, params.id, body.text) };
      },
    }),
  ];
}
