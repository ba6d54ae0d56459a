import { sql } from 'kysely';
import type { Measure } from '../../core/measures/measure';

/**
 * 网格化全覆盖 (seed 三(三)): grid units owned in the subtree, each covered when it has an open covering branch and
 * a contact member. A state, not a flow: the period does not change it.
 */
export const orgMeasures: Measure[] = [
  {
    key: 'org.grid_coverage',
    name: '网格覆盖率',
    nameEn: 'Grid coverage',
    unit: 'ratio',
    aggregate: 'ratio',
    description: '本组织及下级拥有的网格单元中，既有未撤销的覆盖支部又有联系党员的比例（现状，不随期间变化）',
    counts: ['grid_unit'],
    columns: [
      { key: 'name', header: '网格单元' },
      { key: 'owner', header: '所属组织' },
      { key: 'branch', header: '覆盖支部' },
      { key: 'contact', header: '联系党员' },
    ],
    rows: (f) => sql`
      select g.id, g.name, o.name as owner, b.name as branch, c.name as contact,
        (b.id is not null and b.closed_at is null and g.contact_person_id is not null)::int as num, 1 as den
      from grid_unit g
      join org_unit o on o.id = g.owner_unit_id
      left join org_unit b on b.id = g.covering_branch_id
      left join person c on c.id = g.contact_person_id
      where o.path like ${`${f.unitPath}%`}`,
  },
];
