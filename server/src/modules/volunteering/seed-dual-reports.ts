import type { Transaction } from 'kysely';
import type { DB } from '../../db/types';
import type { LoadedDemo } from '../../seed/load-demo';
import { pendingFor, recordsFor } from './certificates.repository';
import { appendEntries } from './ledger.chain';
import type { SeedPeople } from './seed';

/** 双报到 (reports, community posts, claims — some confirmed into hours) and two issued certificates. */
export async function seedDualReports(
  trx: Transaction<DB>,
  demo: LoadedDemo,
  people: SeedPeople,
  _activityIds: number[],
) {
  const communities = demo.school.partners.filter((p) => p.kind === 'community' || p.kind === 'village');
  if (communities.length === 0) return;
  const named = new Set(demo.school.accounts.map((a) => demo.personIds.get(a.personKey)));
  const reporters = people.volunteers.filter((v) => !named.has(v.id)).slice(0, 10);
  const reports = await trx
    .insertInto('dual_report')
    .values(
      reporters.map((v, i) => ({
        person_id: v.id,
        partner_id: demo.partnerIds.get(communities[i % communities.length].key)!,
        address: `${communities[i % communities.length].address.replace(/\d+号$/, '')}${10 + i}号${1 + (i % 6)}栋${101 + i}室`,
        slip_no: `SBD-2026-${String(i + 1).padStart(6, '0')}`,
        reported_at: `2026-02-${String(10 + i).padStart(2, '0')}T09:00:00+08:00`,
      })),
    )
    .returning(['id', 'person_id', 'partner_id'])
    .execute();
  await trx
    .selectNoFrom((eb) => eb.fn('setval', [eb.val('dual_report_slip_seq'), eb.val(reports.length)]).as('n'))
    .execute();

  const posts: { id: number; partnerId: number; title: string; category: string; ownerUnitId: number; name: string }[] =
    [];
  for (const c of communities) {
    const partnerId = demo.partnerIds.get(c.key)!;
    const ownerUnitId = demo.unitIds.get(c.ownerUnitKey)!;
    for (const [title, category] of [
      ['老年食堂助餐', 'elderly'],
      ['“四点半课堂”作业辅导', 'education'],
    ] as const) {
      const row = await trx
        .insertInto('community_post')
        .values({
          partner_id: partnerId,
          title,
          category,
          description: '每周一次，每次约两小时。',
          slots: 6,
          starts_on: '2026-03-01',
          ends_on: '2026-12-31',
          created_by: people.officer,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      posts.push({ id: row.id, partnerId, title, category, ownerUnitId, name: c.name });
    }
  }
  for (const [i, r] of reports.entries()) {
    const post = posts.filter((p) => p.partnerId === r.partner_id)[i % 2];
    const confirmed = i % 3 !== 2;
    const servedOn = `2026-${String(4 + (i % 6)).padStart(2, '0')}-${String(6 + i).padStart(2, '0')}`;
    const [entryId] = confirmed
      ? await appendEntries(
          trx,
          [
            {
              personId: r.person_id,
              kind: 'credit',
              minutes: 120,
              category: post.category,
              source: 'dual_report',
              sourceId: null,
              activityId: null,
              unitId: post.ownerUnitId,
              serviceStart: `${servedOn}T09:00:00+08:00`,
              serviceEnd: `${servedOn}T11:00:00+08:00`,
              basis: 'confirmation',
              description: `双报到：${post.name}「${post.title}」`,
              reversesId: null,
              recordedBy: null,
              recordedByName: `${post.name}（社区联系人）`,
              confirmedByName: '社区联系人',
            },
          ],
          `${servedOn}T18:00:00+08:00`,
        )
      : [null];
    await trx
      .insertInto('community_post_claim')
      .values({
        post_id: post.id,
        person_id: r.person_id,
        dual_report_id: r.id,
        status: confirmed ? 'confirmed' : 'served',
        claimed_at: `2026-03-0${1 + (i % 9)}T10:00:00+08:00`,
        served_on: servedOn,
        minutes: 120,
        note: '按时到岗，完成服务。',
        served_at: `${servedOn}T12:00:00+08:00`,
        confirmed_at: confirmed ? `${servedOn}T18:00:00+08:00` : null,
        confirmed_by_name: confirmed ? '社区联系人' : null,
        rating: confirmed ? 4 + (i % 2) : null,
        feedback: confirmed ? '服务认真，居民满意。' : null,
        entry_id: entryId,
      })
      .execute();
    await trx
      .updateTable('community_post')
      .set((eb) => ({ taken: eb('taken', '+', 1) }))
      .where('id', '=', post.id)
      .execute();
  }
  await seedCertificates(trx, demo, people);
}

async function seedCertificates(trx: Transaction<DB>, demo: LoadedDemo, people: SeedPeople) {
  const top = demo.school.units.find((u) => u.type === 'general_branch')!;
  const unit = await trx
    .selectFrom('org_unit')
    .select(['id', 'path', 'name'])
    .where('id', '=', people.unitId(top.key))
    .executeTakeFirstOrThrow();
  const serials = ['JNSD-VC-2026-DEMQXK7P3A', 'JNSD-VC-2026-DEMQYH5N4B'];
  let issued = 0;
  for (const v of people.volunteers) {
    if (issued === serials.length) break;
    // Issued before flagged hours needed review: the credits then in force, pending ones included (the
    // issuing unit now sees these certificates listed to revoke and reissue, issue 16).
    const records = [
      ...(await recordsFor(trx, v.id, unit.path, '2026-01-01', '2026-11-30')),
      ...(await pendingFor(trx, v.id, unit.path, '2026-01-01', '2026-11-30')),
    ].sort(
      (a, b) => Date.parse(String(a.serviceStart)) - Date.parse(String(b.serviceStart)) || Number(a.id) - Number(b.id),
    );
    if (records.length < 2) continue;
    const person = await trx
      .selectFrom('person as p')
      .innerJoin('org_unit as u', 'u.id', 'p.unit_id')
      .innerJoin('volunteer as vo', 'vo.person_id', 'p.id')
      .select(['p.name', 'u.name as unitName', 'vo.volunteer_no'])
      .where('p.id', '=', v.id)
      .executeTakeFirstOrThrow();
    const lines = records.map((r) => ({
      date: r.serviceStart.slice(0, 10),
      title: r.activityTitle ?? r.description,
      category: r.category,
      minutes: r.minutes,
    }));
    const cert = await trx
      .insertInto('volunteer_certificate')
      .values({
        serial: serials[issued],
        person_id: v.id,
        volunteer_no: person.volunteer_no,
        person_name: person.name,
        unit_id: unit.id,
        unit_name: unit.name,
        period_from: '2026-01-01',
        period_to: '2026-11-30',
        total_minutes: lines.reduce((a, l) => a + l.minutes, 0),
        activity_count: lines.length,
        records: JSON.stringify({ personUnitName: person.unitName, lines }),
        responsible_name: people.nameOf(people.secretaryOf(top.key)),
        handler_name: people.nameOf(people.officer),
        issued_by: people.secretaryOf(top.key),
        issued_at: `2026-11-2${issued}T10:00:00+08:00`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('volunteer_certificate_entry')
      .values(records.map((r) => ({ certificate_id: cert.id, entry_id: Number(r.id) })))
      .execute();
    issued += 1;
  }
}
