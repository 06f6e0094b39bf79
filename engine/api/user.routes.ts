import { route, type AnyRoute } from './route';
import { UserSchema } from './schemas/auth.schemas';
import { ErrorSchema } from './schemas/common.schemas';
import { CreateUserBody, GroupList, UserList } from './schemas/user.schemas';
import { createUser, listGroups, listUsers } from './user.service';

/** People and groups. */
export function userRoutes(): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/users',
      summary: 'Create a user (groups that do not exist yet are created)',
      tag: 'users',
      access: ['admin'],
      body: CreateUserBody,
      responses: {
        201: { description: 'Created', schema: UserSchema },
        409: { description: 'The username is taken', schema: ErrorSchema },
        422: { description: 'The manager does not exist', schema: ErrorSchema },
      },
      async handle({ deps, body }) {
        return { status: 201, body: await createUser(deps.db, body) };
      },
    }),
    route({
      method: 'get',
      path: '/users',
      summary: 'All users',
      tag: 'users',
      access: ['admin', 'manager'],
      responses: { 200: { description: 'Users by username', schema: UserList } },
      async handle({ deps }) {
        const items = await listUsers(deps.db);
        return { body: { items, total: items.length } };
      },
    }),
    route({
      method: 'get',
      path: '/groups',
      summary: 'All groups with their members',
      tag: 'users',
      access: 'user',
      responses: { 200: { description: 'Groups by name', schema: GroupList } },
      async handle({ deps }) {
        const items = await listGroups(deps.db);
        return { body: { items, total: items.length } };
      },
    }),
  ];
}
