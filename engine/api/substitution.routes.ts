import { route, type AnyRoute } from './route';
import { ErrorSchema, IdParams } from './schemas/common.schemas';
import { CreateSubstitutionBody, SubstitutionList, SubstitutionListQuery, SubstitutionSchema } from './schemas/substitution.schemas';
import { createSubstitution, endSubstitution, listSubstitutions } from './substitution.service';

/** Out of office: substitutes for a period. */
export function substitutionRoutes(): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/substitutions',
      summary: 'Name a substitute for a period: new tasks and escalations for the absent user go to them (someone else: admins)',
      tag: 'substitutions',
      access: 'user',
      body: CreateSubstitutionBody,
      responses: {
        201: { description: 'Recorded', schema: SubstitutionSchema },
        400: { description: 'Unknown substitute, yourself, or the period ends before it starts', schema: ErrorSchema },
        403: { description: "Someone else's (admins only)", schema: ErrorSchema },
      },
      async handle({ deps, user, body }) {
        return { status: 201, body: await createSubstitution(deps.db, user, body) };
      },
    }),
    route({
      method: 'get',
      path: '/substitutions',
      summary: 'Substitutions you are away in or stand in for (admins: everyone\'s)',
      tag: 'substitutions',
      access: 'user',
      query: SubstitutionListQuery,
      responses: { 200: { description: 'Latest start first', schema: SubstitutionList } },
      async handle({ deps, user, query }) {
        return { body: await listSubstitutions(deps.db, user, query) };
      },
    }),
    route({
      method: 'post',
      path: '/substitutions/:id/end',
      summary: 'End a substitution now (one not started yet is cancelled)',
      tag: 'substitutions',
      access: 'user',
      params: IdParams,
      responses: {
        200: { description: 'Ended', schema: SubstitutionSchema },
        403: { description: 'Not yours to end', schema: ErrorSchema },
        404: { description: 'No such substitution', schema: ErrorSchema },
      },
      async handle({ deps, user, params }) {
        return { body: await endSubstitution(deps.db, user, params.id) };
      },
    }),
  ];
}
