import { sql } from 'kysely';
import type { Measure } from '../../core/measures/measure';

/** 专职党务、思政工作人员配备比 (seed 三(一)): full-time workers ÷ (staff + students) in the subtree, against 1 %. */
export const peopleMeasures: Measure[] = [
  {
    key: 'people.staffing_ratio',
    name: '专职党务思政人员配备比',
    nameEn: 'Full-time Party-affairs staffing ratio',
    unit: 'ratio',
    aggregate: 'ratio',
    description: '本组织及下级的教职工与学生中，专职党务、思政工作人员所占比例（现状，不随期间变化；目标 1%）',
    counts: ['person'],
    columns: [
      { key: 'name', header: '姓名' },
      { key: 'unit', header: '所在组织' },
      { key: 'kind', header: '类别' },
    ],
    rows: (f) => sql`
      select p.id, p.name, u.name as unit, case p.kind when 'staff' then '教职工' else '学生' end as kind,
        p.fulltime_party_worker::int as num, 1 as den
      from person p
      join org_unit u on u.id = p.unit_id
      where u.path like ${`${f.unitPath}%`} and p.kind in ('staff', 'student')`,
  },
];
