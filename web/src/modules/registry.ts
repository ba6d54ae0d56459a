import { routes as access } from './access/index';
import { routes as account } from './account/index';
import { routes as assessment } from './assessment/index';
import { routes as audit } from './audit/index';
import { routes as funding } from './funding/index';
import { routes as measures } from './measures/index';
import { routes as memberTools } from './member-tools/index';
import { routes as org } from './org/index';
import { routes as people } from './people/index';
import { routes as roster } from './roster/index';
import { routes as serviceDemands } from './service-demands/index';
import type { ModuleRoute } from './types';
import { routes as volunteering } from './volunteering/index';

/**
 * Every web module's pages, in menu order: the shell builds the router and the side menu from this list.
 * A new module adds one import and one entry here.
 */
export const ROUTES: ModuleRoute[] = [
  ...org,
  ...people,
  ...roster,
  ...serviceDemands,
  ...volunteering,
  ...memberTools,
  ...measures,
  ...funding,
  ...assessment,
  ...access,
  ...audit,
  ...account,
];
