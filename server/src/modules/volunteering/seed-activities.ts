import type { Transaction } from 'kysely';
import type { DB } from '../../db/types';
import type { LoadedDemo } from '../../seed/load-demo';
import { appendEntries, type NewEntry } from './ledger.chain';
import type { SeedPeople } from './seed';

/** A year of 2026 activities, one a month: January–November settled with attendance and hours, December open. */
const TITLES: [string, string, string][] = [
  ['寒假前校园安全隐患排查', 'campus', '仙林校区各学生公寓'],
  ['文苑社区“银龄”智能手机课堂', 'elderly', '仙林街道文苑社区活动中心'],
  ['学雷锋月随园小学课后辅导', 'education', '随园小学'],
  ['清明节烈士陵园讲解服务', 'culture', '雨花台烈士陵园'],
  ['校园义务植树与环境整治', 'environment', '紫金校区东湖'],
  ['农村留守儿童“量体裁衣”学业帮扶', 'education', '栖霞区八卦洲街道'],
  ['毕业季离校手续志愿引导', 'campus', '仙林校区学生事务中心'],
  ['暑期“三下乡”科技帮扶', 'technology', '溧水区白马镇'],
  ['迎新志愿服务', 'campus', '仙林校区南大门'],
  ['重阳节敬老院陪伴服务', 'elderly', '栖霞区社会福利院'],
  ['社区法律与政策咨询日', 'consulting', '学海社区党群服务中心'],
  ['冬季社区义诊与健康讲座', 'health', '文苑社区卫生服务站'],
];

const pad = (n: number) => String(n).padStart(2, '0');

export async function seedActivities(
  trx: Transaction<DB>,
  demo: LoadedDemo,
  people: SeedPeople,
  ctx: { teamIds: number[]; venueIds: number[]; tops: string[]; rootKey: string },
): Promise<number[]> {
  const { volunteers } = people;
  const dangyuan = demo.personIds.get(demo.school.accounts.find((a) => a.username === 'dangyuan')!.personKey);
  const organizers = [ctx.tops[0], ctx.tops[1] ?? ctx.tops[0], ctx.rootKey];
  const ids: number[] = [];
  for (const [i, [title, category, place]] of TITLES.entries()) {
    const month = i + 1;
    const day = `2026-${pad(month)}-${pad(12 + (i % 5))}`;
    const open = month === 12;
    const orgKey = organizers[i % 3];
    const officer = people.secretaryOf(orgKey);
    const shifts = [
      { post: '现场服务', start: `${day}T09:00:00+08:00`, end: `${day}T11:30:00+08:00` },
      ...(i % 2 === 0 ? [{ post: '引导与后勤', start: `${day}T14:00:00+08:00`, end: `${day}T16:00:00+08:00` }] : []),
    ];
    const activity = await trx
      .insertInto('volunteer_activity')
      .values({
        title,
        description: `${title}：按专业特长组织党员志愿者开展“量体裁衣”式服务。`,
        category,
        org_unit_id: people.unitId(orgKey),
        team_id: i % 4 === 1 ? ctx.teamIds[i % ctx.teamIds.length] : null,
        venue_id: i % 4 === 3 ? ctx.venueIds[i % ctx.venueIds.length] : null,
        demand_id: i === 5 ? 1 : null,
        audience_unit_id: people.unitId(ctx.rootKey),
        members_only: i % 3 === 0,
        required_skill: null,
        place,
        latitude: i === 11 ? 32.1054 : null,
        longitude: i === 11 ? 118.9106 : null,
        checkin_radius_m: i === 11 ? 300 : null,
        signup_opens_at: `2026-${pad(month)}-01T08:00:00+08:00`,
        signup_closes_at: `${day}T08:00:00+08:00`,
        starts_at: shifts[0].start,
        ends_at: shifts[shifts.length - 1].end,
        status: open ? 'published' : 'closed',
        code_secret: `${pad(month)}`.repeat(20),
        created_by: officer,
        closed_at: open ? null : `${day}T20:00:00+08:00`,
        closed_by: open ? null : officer,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(activity.id);
    const credits: NewEntry[] = [];
    for (const [s, shift] of shifts.entries()) {
      const crew = Array.from({ length: 6 }, (_, k) => volunteers[(i * 5 + s * 17 + k * 3) % volunteers.length]).filter(
        (v) => !(open && v.id === dangyuan),
      );
      const unique = [...new Map(crew.map((v) => [v.id, v])).values()];
      const row = await trx
        .insertInto('volunteer_shift')
        .values({
          activity_id: activity.id,
          post: shift.post,
          starts_at: shift.start,
          ends_at: shift.end,
          capacity: 8,
          taken: unique.length,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const minutes = (Date.parse(shift.end) - Date.parse(shift.start)) / 60_000;
      const signups = await trx
        .insertInto('volunteer_signup')
        .values(
          unique.map((v, k) => {
            const present = !open && k !== unique.length - 1;
            return {
              shift_id: row.id,
              activity_id: activity.id,
              person_id: v.id,
              status: 'confirmed',
              created_at: `2026-${pad(month)}-0${2 + (k % 7)}T20:00:00+08:00`,
              checked_in_at: present ? new Date(Date.parse(shift.start) - 5 * 60_000).toISOString() : null,
              checked_out_at: present ? shift.end : null,
              checkin_kind: present ? 'code' : null,
              attendance: open ? 'pending' : present ? 'present' : 'no_show',
              credited_minutes: present ? minutes : null,
            };
          }),
        )
        .returning(['id', 'person_id', 'credited_minutes'])
        .execute();
      for (const g of signups.filter((x) => x.credited_minutes !== null)) {
        credits.push({
          personId: g.person_id,
          kind: 'credit',
          minutes: g.credited_minutes!,
          category,
          source: 'activity',
          sourceId: g.id,
          activityId: activity.id,
          unitId: people.unitId(orgKey),
          serviceStart: shift.start,
          serviceEnd: shift.end,
          basis: 'attendance',
          description: `${title}（${shift.post}）`,
          reversesId: null,
          recordedBy: officer,
          recordedByName: people.nameOf(officer),
          confirmedByName: people.nameOf(officer),
        });
      }
    }
    if (credits.length > 0) await appendEntries(trx, credits, `${day}T20:00:00+08:00`);
  }
  // One manual entry typed in long after the service: the flags page has something to show.
  const late = volunteers[2];
  await appendEntries(
    trx,
    [
      {
        personId: late.id,
        kind: 'credit',
        minutes: 240,
        category: 'community',
        source: 'service_need',
        sourceId: 2,
        activityId: null,
        unitId: people.unitId(ctx.tops[0]),
        serviceStart: '2026-03-20T09:00:00+08:00',
        serviceEnd: '2026-03-20T12:00:00+08:00',
        basis: 'manual',
        description: '为社区困难家庭上门维修电器（补录）',
        reversesId: null,
        recordedBy: people.secretaryOf(ctx.tops[0]),
        recordedByName: people.nameOf(people.secretaryOf(ctx.tops[0])),
        confirmedByName: people.nameOf(people.secretaryOf(ctx.tops[0])),
      },
    ],
    '2026-06-01T10:00:00+08:00',
  );
  await seedReviewStates(trx, people, ctx.tops);
  return ids;
}

/**
 * Flagged entries in each review state (issue 16), so the review queue and pending hours show at once: the
 * late entry above stays pending; one late entry is accepted with a reason; one entry claiming more minutes
 * than the service lasted is reversed; one more waits. The committee's organization department decides.
 */
async function seedReviewStates(trx: Transaction<DB>, people: SeedPeople, tops: string[]) {
  const { volunteers } = people;
  const top1 = tops[1] ?? tops[0];
  const manual = (
    v: { id: number },
    unitKey: string,
    day: string,
    minutes: number,
    endHour: string,
    description: string,
  ): NewEntry => {
    const officer = people.secretaryOf(unitKey);
    return {
      personId: v.id,
      kind: 'credit',
      minutes,
      category: 'community',
      source: 'service_need',
      sourceId: 3,
      activityId: null,
      unitId: people.unitId(unitKey),
      serviceStart: `${day}T09:00:00+08:00`,
      serviceEnd: `${day}T${endHour}:00+08:00`,
      basis: 'manual',
      description,
      reversesId: null,
      recordedBy: officer,
      recordedByName: people.nameOf(officer),
      confirmedByName: people.nameOf(officer),
    };
  };
  const decide = (
    entryId: number,
    decision: 'accepted' | 'reversed',
    at: string,
    reason: string,
    reversalId?: number,
  ) =>
    trx
      .updateTable('volunteer_hours_flag')
      .set({
        decision,
        decided_by: people.officer,
        decided_by_name: people.nameOf(people.officer),
        decided_at: at,
        decision_reason: reason,
        reversal_id: reversalId ?? null,
      })
      .where('entry_id', '=', entryId)
      .execute();

  const [accepted] = await appendEntries(
    trx,
    [manual(volunteers[5], top1, '2026-04-18', 120, '11:00', '社区老年食堂助餐服务（补录）')],
    '2026-07-01T10:00:00+08:00',
  );
  await decide(accepted, 'accepted', '2026-07-03T15:00:00+08:00', '经核对社区服务签到表，服务属实');

  const overclaim = manual(volunteers[8], tops[0], '2026-09-01', 200, '11:00', '社区环境整治志愿服务');
  const [reversed] = await appendEntries(trx, [overclaim], '2026-09-05T10:00:00+08:00');
  const [reversal] = await appendEntries(
    trx,
    [
      {
        ...overclaim,
        kind: 'reversal',
        minutes: -200,
        basis: 'correction',
        description: `冲销 #${reversed}：复核不予认定：服务只有2小时，记入时长超出`,
        reversesId: reversed,
        recordedBy: people.officer,
        recordedByName: people.nameOf(people.officer),
        confirmedByName: people.nameOf(people.officer),
      },
    ],
    '2026-09-08T10:00:00+08:00',
  );
  await decide(reversed, 'reversed', '2026-09-08T10:00:00+08:00', '服务只有2小时，记入时长超出', reversal);

  await appendEntries(
    trx,
    [manual(volunteers[11], top1, '2026-09-10', 150, '11:30', '社区义务家教（补录）')],
    '2026-11-20T10:00:00+08:00',
  );
}
