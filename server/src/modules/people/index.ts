import type { AppModule } from '../../core/module';
import { peopleMeasures } from './people.measures';
import { peopleRoutes } from './people.routes';

/** 人员: the roster (scoped search, masked personal data), profiles, transfers between branches, staffing ratio. */
export const peopleModule: AppModule = { name: 'people', tag: '人员', routes: peopleRoutes, measures: peopleMeasures };
