/**
 * Every route the process designer needs beyond deploying: drafts, QMS templates,
 * version history and try-it runs. Registered in `app.ts` as one group.
 */
import { tryRunRoutes } from './designer-try';
import { versionRoutes } from './designer-versions';
import { draftRoutes } from './draft.routes';
import type { AnyRoute } from './route';
import { templateRoutes } from './template.routes';

export function designerRoutes(): AnyRoute[] {
  return [...draftRoutes(), ...templateRoutes(), ...versionRoutes(), ...tryRunRoutes()];
}
