import { VENUE_TYPES, type VenueType, volunteerNumber } from '@pioneer/domain';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/types';
import type { LoadedDemo } from '../../seed/load-demo';
import { appendEntries, type NewEntry } from './ledger.chain';
import { seedActivities } from './seed-activities';
import { seedDualReports } from './seed-dual-reports';

/**
 * The demo school's volunteering (small: tens of rows): registered volunteers, three teams, one venue of
 * every type with duties and a service log, a year of 2026 activities with attendance and hours, 双报到.
 * Deterministic (no clock, no randomness); the named demo accounts are left unregistered except 党员 dangyuan,
 * so each account shows its own first-time paths.
 */
export interface SeedPeople {
  volunteers: { id: number; key: string; unitKey: string }[];
  secretaryOf: (unitKey: string) => number;
  unitId: (key: string) => number;
  /** 组织部: records what has no unit secretary of its own. */
  officer: number;
  nameOf: (personId: number) => string;
}

const VENUE_NAMES: Record<VenueType, string> = {
  service_window: '学生事务中心党员服务窗口',
  model_post: '机关党员服务示范岗（教务处）',
  service_center: '文学院党员服务中心',
  responsibility_area: '仙林校区东区学生公寓党员责任区',
  workstation: '数学与统计学院党员服务工作站',
  model_window: '图书馆党员示范窗口',
  offcampus_base: '文苑社区校地共建服务特色基地',
  practice_base: '乡村振兴党员教育实践服务基地',
  studio: '“师说”党员工作室',
  model_point: '社区科普党员服务示范点',
  convenience_center: '党员便民服务网络中心',
};

export async function seedVolunteering(trx: Transaction<DB>, demo: LoadedDemo) {
  const { school } = demo;
  const unitId = (key: string) => demo.unitIds.get(key)!;
  const named = new Map(school.accounts.map((a) => [a.personKey, a.username]));
  const tops = school.units.filter((u) => u.type === 'general_branch').slice(0, 3);
  const topKeys = new Set(tops.map((u) => u.key));
  const underTop = (unitKey: string) =>
    topKeys.has(unitKey) || topKeys.has(school.units.find((u) => u.key === unitKey)?.parentKey ?? '');
  const picked = school.people
    .filter((p) => (p.politicalStatus === 'member' || p.politicalStatus === 'probationary') && underTop(p.unitKey))
    .filter((p) => !named.has(p.key) || named.get(p.key) === 'dangyuan')
    .slice(0, 48);

  const rows = await trx
    .insertInto('volunteer')
    .values(
      picked.map((p, i) => ({
        person_id: demo.personIds.get(p.key)!,
        volunteer_no: volunteerNumber('JNSD', 2026, i + 1),
        skills: p.skills,
        availability: [['weekend'], ['weekday_evening', 'weekend'], ['holiday', 'flexible']][i % 3],
        service_areas: [
          ['elderly', 'community'],
          ['education'],
          ['technology', 'consulting'],
          ['culture', 'environment'],
        ][i % 4],
        insured: i % 5 !== 0,
        registered_at: `2026-01-${String(5 + (i % 20)).padStart(2, '0')}T10:00:00+08:00`,
      })),
    )
    .returning(['id', 'person_id'])
    .execute();
  // Later registrations continue the number sequence after the demo's.
  await trx.selectNoFrom((eb) => eb.fn('setval', [eb.val('volunteer_no_seq'), eb.val(rows.length)]).as('n')).execute();

  const volunteers = picked.map((p) => ({ id: demo.personIds.get(p.key)!, key: p.key, unitKey: p.unitKey }));
  const secretaries = new Map(
    school.grants.filter((g) => g.role.endsWith('secretary')).map((g) => [g.unitKey, demo.personIds.get(g.personKey)!]),
  );
  const rootKey = school.units.find((u) => u.parentKey === null)!.key;
  const anyAdmin = demo.personIds.get(school.grants.find((g) => g.role === 'org_dept')!.personKey)!;
  const names = new Map(school.people.map((p) => [demo.personIds.get(p.key)!, p.name]));
  const people: SeedPeople = {
    volunteers,
    unitId,
    officer: anyAdmin,
    secretaryOf: (k) => secretaries.get(k) ?? anyAdmin,
    nameOf: (id) => names.get(id) ?? '组织部',
  };

  const community = school.partners.filter((p) => p.kind === 'community' || p.kind === 'village');
  const teamDefs = [
    {
      name: `${tops[0].name.replace('党总支', '')}“书香”党员服务示范团队`,
      kind: 'demo_team',
      unit: tops[0].key,
      specialties: ['阅读推广', '书法', '朗诵'],
      partner: null,
    },
    {
      name: `${(tops[1] ?? tops[0]).name.replace('党总支', '')}“数智”服务地方党员先锋队`,
      kind: 'vanguard',
      unit: (tops[1] ?? tops[0]).key,
      specialties: ['数据分析', '科普宣讲'],
      partner: community[0]?.key ?? null,
    },
    {
      name: '江南师大师生党员志愿服务队',
      kind: 'volunteer_team',
      unit: rootKey,
      specialties: ['敬老助残', '义务支教', '环境保护'],
      partner: null,
    },
  ];
  const teamIds: number[] = [];
  for (const [i, t] of teamDefs.entries()) {
    const members = volunteers.filter((_, j) => j % 3 === i).slice(0, 8);
    const team = await trx
      .insertInto('volunteer_team')
      .values({
        name: t.name,
        kind: t.kind,
        owner_unit_id: unitId(t.unit),
        leader_person_id: members[0].id,
        specialties: t.specialties,
        partner_id: t.partner ? demo.partnerIds.get(t.partner)! : null,
        description: '按专业特长组建，常态化开展“量体裁衣”式志愿服务。',
        created_at: `2026-01-0${i + 2}T09:00:00+08:00`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    teamIds.push(team.id);
    await trx
      .insertInto('volunteer_team_member')
      .values(members.map((m) => ({ team_id: team.id, person_id: m.id })))
      .execute();
  }

  const offcampus = new Set(['offcampus_base', 'practice_base', 'studio', 'model_point', 'convenience_center']);
  const venueIds: number[] = [];
  for (const [i, type] of VENUE_TYPES.entries()) {
    const owner = i % 4 === 0 ? rootKey : tops[i % tops.length].key;
    const partner = offcampus.has(type) ? (community[i % Math.max(1, community.length)] ?? school.partners[0]) : null;
    const v = await trx
      .insertInto('venue')
      .values({
        name: VENUE_NAMES[type],
        type,
        owner_unit_id: unitId(owner),
        partner_id: partner ? demo.partnerIds.get(partner.key)! : null,
        address: partner
          ? partner.address
          : ['仙林校区学生事务中心一楼', '随园校区行政楼 102 室', '紫金校区图书馆一楼'][i % 3],
        latitude: 32.1 + i * 0.003,
        longitude: 118.9 + i * 0.002,
        opening_hours: i % 2 === 0 ? '工作日 8:30–11:30，14:00–17:30' : '每周六 9:00–12:00',
        responsible_person_id: people.secretaryOf(owner),
        description: '为师生群众提供政策咨询、事务代办和志愿服务。',
        is_public: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    venueIds.push(v.id);
  }
  await seedVenueWork(trx, venueIds.slice(0, 3), people);
  const activityIds = await seedActivities(trx, demo, people, {
    teamIds,
    venueIds,
    tops: tops.map((t) => t.key),
    rootKey,
  });
  await seedDualReports(trx, demo, people, activityIds);
}

/** Duty rosters (past ones confirmed, December ones scheduled) and a few logged services per venue. */
async function seedVenueWork(trx: Transaction<DB>, venueIds: number[], people: SeedPeople) {
  const { volunteers } = people;
  for (const [i, venueId] of venueIds.entries()) {
    const duties = [3, 6, 9, 12].map((month, j) => {
      const day = `2026-${String(month).padStart(2, '0')}-${String(8 + i + j).padStart(2, '0')}`;
      const person = volunteers[(i * 4 + j) % volunteers.length].id;
      return {
        venue_id: venueId,
        person_id: person,
        post: ['接待咨询', '事务代办', '值守'][j % 3],
        starts_at: `${day}T14:00:00+08:00`,
        ends_at: `${day}T17:00:00+08:00`,
        status: month === 12 ? 'scheduled' : 'done',
        confirmed_at: month === 12 ? null : `${day}T18:00:00+08:00`,
      };
    });
    const inserted = await trx
      .insertInto('venue_duty')
      .values(duties)
      .returning(['id', 'person_id', 'starts_at', 'ends_at', 'status', 'post'])
      .execute();
    const venue = await trx
      .selectFrom('venue')
      .select(['name', 'owner_unit_id'])
      .where('id', '=', venueId)
      .executeTakeFirstOrThrow();
    for (const d of inserted.filter((x) => x.status === 'done')) {
      const entry: NewEntry = {
        personId: d.person_id,
        kind: 'credit',
        minutes: 180,
        category: 'campus',
        source: 'venue_duty',
        sourceId: d.id,
        activityId: null,
        unitId: venue.owner_unit_id,
        serviceStart: d.starts_at,
        serviceEnd: d.ends_at,
        basis: 'attendance',
        description: `${venue.name}值班（${d.post}）`,
        reversesId: null,
        recordedBy: people.officer,
        recordedByName: people.nameOf(people.officer),
        confirmedByName: people.nameOf(people.officer),
      };
      await appendEntries(trx, [entry], new Date(Date.parse(d.ends_at) + 3600_000).toISOString());
    }
    await trx
      .insertInto('venue_service_log')
      .values(
        ['新生组织关系转接咨询', '困难学生资助政策解读', '毕业生档案转递代办'].map((title, j) => ({
          venue_id: venueId,
          served_at: `2026-${String(4 + j * 3).padStart(2, '0')}-15T10:00:00+08:00`,
          title,
          description: '现场接待并跟踪办结。',
          people_served: 8 + i * 3 + j,
          minutes: 120,
          demand_id: null,
          recorded_by: people.officer,
        })),
      )
      .execute();
  }
}
