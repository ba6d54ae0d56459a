import { ACTIVE_STATES, type MatchCandidate, type MatchNeed, rankCandidates, scoreMatch } from '@pioneer/domain';
import { type Kysely, sql } from 'kysely';
import { type Actor, can } from '../../core/actor';
import { forbidden, notFound } from '../../core/errors';
import type { Context } from '../../core/module';
import type { DB } from '../../db/types';
import { teamsForMatching } from '../volunteering/teams.service';
import { demandAbilities } from './demands.policy';
import { presentDemand } from './demands.present';
import * as repo from './demands.repository';

type Ctx = Pick<Context, 'db'>;
const MEMBER_STATUSES = ['member', 'probationary'];
const numbers = (rows: { id: number }[]) => (rows.length ? rows.map((r) => r.id) : [0]);

/** Open load, days already taken and past satisfaction (same category group) for units, teams or people. */
async function facts(db: Kysely<DB>, kind: 'unit' | 'team' | 'person', ids: number[], group: string | null) {
  const active = ACTIVE_STATES as string[];
  const load =
    kind === 'team'
      ? sql<{ id: number; load: number; busy: string[] }>`select d.claim_team_id as id, count(*)::int as load,
          coalesce(array_agg(d.needed_on::text) filter (where d.needed_on is not null), '{}') as busy
          from demand d where d.state in (${sql.join(active)}) and d.claim_team_id in (${sql.join(ids)}) group by 1`
      : kind === 'unit'
        ? sql<{ id: number; load: number; busy: string[] }>`select d.claim_unit_id as id, count(*)::int as load,
          coalesce(array_agg(d.needed_on::text) filter (where d.needed_on is not null), '{}') as busy
          from demand d where d.state in (${sql.join(active)}) and d.claim_unit_id in (${sql.join(ids)}) group by 1`
        : sql<{ id: number; load: number; busy: string[] }>`select a.person_id as id, count(*)::int as load,
          coalesce(array_agg(d.needed_on::text) filter (where d.needed_on is not null), '{}') as busy
          from demand_assignee a join demand d on d.id = a.demand_id and d.round = a.round
          where d.state in (${sql.join(active)}) and a.person_id in (${sql.join(ids)}) group by 1`;
  const sameGroup = group === null ? sql`true` : sql`c.grp = ${group}`;
  const ratings =
    kind === 'team'
      ? sql<{
          id: number;
          average: number;
          count: number;
        }>`select r.team_id as id, avg(r.score)::float8 as average, count(*)::int as count
          from demand_rating r join demand d on d.id = r.demand_id left join demand_category c on c.id = d.category_id
          where r.team_id in (${sql.join(ids)}) and ${sameGroup} group by 1`
      : kind === 'unit'
        ? sql<{
            id: number;
            average: number;
            count: number;
          }>`select r.unit_id as id, avg(r.score)::float8 as average, count(*)::int as count
          from demand_rating r join demand d on d.id = r.demand_id left join demand_category c on c.id = d.category_id
          where r.unit_id in (${sql.join(ids)}) and ${sameGroup} group by 1`
        : sql<{
            id: number;
            average: number;
            count: number;
          }>`select m.person_id as id, avg(r.score)::float8 as average, count(*)::int as count
          from demand_rating_member m join demand_rating r on r.id = m.rating_id join demand d on d.id = r.demand_id
          left join demand_category c on c.id = d.category_id
          where m.person_id in (${sql.join(ids)}) and ${sameGroup} group by 1`;
  const [l, r] = await Promise.all([load.execute(db), ratings.execute(db)]);
  return {
    load: new Map(l.rows.map((x) => [x.id, x])),
    rating: new Map(r.rows.map((x) => [x.id, { average: x.average, count: x.count }])),
  };
}

/**
 * 量体裁衣 for one need: branches below the handling unit, volunteer teams (owned below it, or school-wide above
 * it; read through the volunteering module's service) and members with the skills, ranked with reasons.
 * Once a unit has claimed the need the ranking stays within that unit: its members are the ones the secretary
 * can assign (the same people as /candidates), so suggesting another branch's people would lead nowhere.
 */
export async function matchesFor(ctx: Ctx, actor: Actor, id: number) {
  const row = await repo.findDemand(ctx.db, actor, id);
  if (!row) throw notFound('服务需求');
  if (!demandAbilities(actor, repo.toRef(row)).matches) throw forbidden('您不能查看该需求的匹配建议');
  const required = row.requiredSkills ?? [];
  const need: MatchNeed = { requiredSkills: required, campus: row.campus || null, neededOn: row.neededOn };
  const group = row.categoryGroup ?? null;
  const within = row.claimPath ?? row.handlingPath;

  const units = await sql<{ id: number; name: string; members: number; skills: string[]; campus: string | null }>`
    select u.id, u.name, count(distinct p.id)::int as members,
      coalesce(array_agg(distinct s.skill) filter (where s.skill is not null), '{}') as skills,
      mode() within group (order by p.campus) as campus
    from org_unit u
    join person p on p.unit_id = u.id and p.political_status in (${sql.join(MEMBER_STATUSES)})
    left join lateral unnest(p.skills) as s(skill) on true
    where u.type in ('branch', 'direct_branch') and u.closed_at is null and u.path like ${`${within}%`}
    group by u.id, u.name`.execute(ctx.db);
  const unitFacts = await facts(ctx.db, 'unit', numbers(units.rows), group);
  const unitCandidates: (MatchCandidate & { members: number })[] = units.rows.map((u) => ({
    kind: 'unit',
    id: u.id,
    name: u.name,
    members: u.members,
    skills: u.skills,
    specialty: '',
    campus: u.campus,
    busyOn: unitFacts.load.get(u.id)?.busy ?? [],
    openLoad: unitFacts.load.get(u.id)?.load ?? 0,
    capacity: Math.max(1, Math.ceil(u.members / 10)),
    satisfaction: unitFacts.rating.get(u.id) ?? null,
  }));

  // Teams: their specialties are their skills; load and ratings are those credited to the team on needs.
  const teams = await teamsForMatching(ctx.db, { unitPaths: [within], ancestorsOf: within });
  const teamFacts = await facts(ctx.db, 'team', numbers(teams), group);
  const teamCandidates: (MatchCandidate & {
    teamKind: string;
    kindLabel: string;
    unitId: number;
    unitName: string;
    members: number;
    leaderPersonId: number;
    leaderName: string;
  })[] = teams.map((t) => ({
    kind: 'team',
    id: t.id,
    name: t.name,
    teamKind: t.kind,
    kindLabel: t.kindLabel,
    unitId: t.ownerUnitId,
    unitName: t.ownerUnitName,
    members: t.memberCount,
    leaderPersonId: t.leaderPersonId,
    leaderName: t.leaderName,
    skills: t.specialties,
    specialty: '',
    campus: t.campus,
    busyOn: teamFacts.load.get(t.id)?.busy ?? [],
    openLoad: teamFacts.load.get(t.id)?.load ?? 0,
    capacity: Math.max(1, Math.ceil(t.memberCount / 5)),
    satisfaction: teamFacts.rating.get(t.id) ?? null,
  }));

  // Members with a required skill (or, when none is required, on the need's campus), most matching skills first.
  const skillArray = sql`cast(${[...required]} as text[])`;
  const people = await ctx.db
    .selectFrom('person as p')
    .innerJoin('org_unit as u', 'u.id', 'p.unit_id')
    .select(['p.id', 'p.name', 'p.skills', 'p.specialty', 'p.campus', 'u.name as unitName'])
    .where('p.political_status', 'in', MEMBER_STATUSES)
    .where('u.path', 'like', `${within}%`)
    .where(
      // Claimed: every member the secretary could assign, ranked; before that, only those who fit at all.
      row.claimPath
        ? sql<boolean>`true`
        : required.length
          ? sql<boolean>`p.skills && ${skillArray}`
          : need.campus
            ? sql<boolean>`p.campus = ${need.campus}`
            : sql<boolean>`true`,
    )
    .orderBy(sql`cardinality(array(select unnest(p.skills) intersect select unnest(${skillArray})))`, 'desc')
    .orderBy('p.id')
    .limit(300)
    .execute();
  const personFacts = await facts(ctx.db, 'person', numbers(people), group);
  const personCandidates: (MatchCandidate & { unitName: string })[] = people.map((p) => ({
    kind: 'person',
    id: p.id,
    name: p.name,
    unitName: p.unitName,
    skills: p.skills,
    specialty: p.specialty,
    campus: p.campus || null,
    busyOn: personFacts.load.get(p.id)?.busy ?? [],
    openLoad: personFacts.load.get(p.id)?.load ?? 0,
    satisfaction: personFacts.rating.get(p.id) ?? null,
  }));

  return {
    need: { id: row.id, title: row.title, ...need, group },
    // Where the candidates come from: the claiming unit once claimed, else the handling unit.
    within: row.claimUnitId
      ? { id: row.claimUnitId, name: row.claimUnitName ?? '', claimed: true }
      : { id: row.handlingUnitId, name: row.handlingUnitName, claimed: false },
    units: rankCandidates(need, unitCandidates).slice(0, 10),
    teams: rankCandidates(need, teamCandidates).slice(0, 10),
    members: rankCandidates(need, personCandidates).slice(0, row.claimPath ? 300 : 20),
  };
}

/**
 * Teams the actor could take the need up with (团队认领): teams reaching the need that they lead, or that belong
 * to a unit they may claim for. The claim itself re-checks all of it.
 */
export async function claimTeams(ctx: Ctx, actor: Actor, id: number) {
  const row = await repo.findDemand(ctx.db, actor, id);
  if (!row) throw notFound('服务需求');
  const teams = await teamsForMatching(ctx.db, { unitPaths: [row.handlingPath], ancestorsOf: row.handlingPath });
  return {
    items: teams
      .filter((t) => t.leaderPersonId === actor.personId || can(actor, 'demand.claim', t.ownerPath))
      .map((t) => ({
        id: t.id,
        name: t.name,
        kind: t.kind,
        kindLabel: t.kindLabel,
        unitName: t.ownerUnitName,
        leaderName: t.leaderName,
        memberCount: t.memberCount,
        specialties: t.specialties,
        asLeader: t.leaderPersonId === actor.personId,
      })),
  };
}

/**
 * My past satisfaction per category group, and my unit's where I have none: what 适合我的需求 shows on each card,
 * so two needs of different kinds do not show the same average.
 */
async function satisfactionByGroup(db: Kysely<DB>, personId: number, unitId: number) {
  const [mine, unit] = await Promise.all([
    sql<{ grp: string | null; average: number; count: number }>`select c.grp, avg(r.score)::float8 as average,
        count(*)::int as count
      from demand_rating_member m join demand_rating r on r.id = m.rating_id join demand d on d.id = r.demand_id
      left join demand_category c on c.id = d.category_id
      where m.person_id = ${personId} group by c.grp`.execute(db),
    sql<{ grp: string | null; average: number; count: number }>`select c.grp, avg(r.score)::float8 as average,
        count(*)::int as count
      from demand_rating r join demand d on d.id = r.demand_id left join demand_category c on c.id = d.category_id
      where r.unit_id = ${unitId} group by c.grp`.execute(db),
  ]);
  const map = (rows: { grp: string | null; average: number; count: number }[]) =>
    new Map(rows.map((r) => [r.grp ?? '', { average: r.average, count: r.count }]));
  return { mine: map(mine.rows), unit: map(unit.rows) };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** 适合我的需求: published needs open to the member, ranked by how well they fit the member. */
export async function fitMe(ctx: Ctx, actor: Actor) {
  const me = await ctx.db
    .selectFrom('person')
    .select(['id', 'name', 'skills', 'specialty', 'campus'])
    .where('id', '=', actor.personId)
    .executeTakeFirstOrThrow();
  const { rows } = await repo.listDemands(ctx.db, actor, { view: 'open', page: 1, pageSize: 100 });
  const myFacts = await facts(ctx.db, 'person', [me.id], null);
  const ratings = await satisfactionByGroup(ctx.db, me.id, actor.unitId);
  const candidate: MatchCandidate = {
    kind: 'person',
    id: me.id,
    name: me.name,
    skills: me.skills,
    specialty: me.specialty,
    campus: me.campus || null,
    busyOn: myFacts.load.get(me.id)?.busy ?? [],
    openLoad: myFacts.load.get(me.id)?.load ?? 0,
    satisfaction: null,
  };
  const ranked = rows
    .map((row) => {
      const need = { requiredSkills: row.requiredSkills ?? [], campus: row.campus || null, neededOn: row.neededOn };
      const group = row.categoryGroup ?? '';
      const own = ratings.mine.get(group);
      const unit = own ? undefined : ratings.unit.get(group);
      const score = scoreMatch(need, { ...candidate, satisfaction: own ?? unit ?? null });
      // Say whose ratings, on which kind of need, the satisfaction part stands for.
      const kind = row.categoryGroup ? `“${row.categoryGroup}”类` : '未分类';
      const said = own
        ? `我在${kind}需求上的平均满意度 ${round1(own.average)} 分（${own.count} 次评价）`
        : unit
          ? `本支部${kind}需求平均满意度 ${round1(unit.average)} 分（${unit.count} 次评价）`
          : `我和本支部暂无${kind}需求的评价`;
      const reasons = score.reasons.map((r) => (r.includes('满意度') || r.includes('评价') ? said : r));
      return { row, ...score, reasons };
    })
    .sort((a, b) => b.score - a.score || a.row.id - b.row.id)
    .slice(0, 20);
  return {
    me: { skills: me.skills, specialty: me.specialty, campus: me.campus, openLoad: candidate.openLoad },
    items: ranked.map((r) => ({
      ...presentDemand(r.row, actor),
      score: r.score,
      parts: r.parts,
      reasons: r.reasons,
    })),
  };
}
