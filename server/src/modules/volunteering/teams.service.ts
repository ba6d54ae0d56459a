import { TEAM_KIND_LABELS, type TeamKind, type teamInput } from '@pioneer/domain';
import type { z } from 'zod';
import type { Actor } from '../../core/actor';
import { recordAudit } from '../../core/audit/audit';
import { conflict, forbidden, notFound } from '../../core/errors';
import { type Ctx, type Db, unitForAction } from './shared';
import { canManageTeam } from './teams.policy';
import * as repo from './teams.repository';

type TeamInput = z.infer<typeof teamInput>;

async function checkPeople(trx: Db, input: TeamInput) {
  const leader = await trx.selectFrom('person').select('id').where('id', '=', input.leaderPersonId).executeTakeFirst();
  if (!leader) throw notFound('队长');
  if (
    input.partnerId !== null &&
    !(await trx.selectFrom('partner').select('id').where('id', '=', input.partnerId).executeTakeFirst())
  ) {
    throw notFound('共建单位');
  }
}

const values = (input: TeamInput, unitId: number) => ({
  name: input.name,
  kind: input.kind,
  owner_unit_id: unitId,
  leader_person_id: input.leaderPersonId,
  specialties: input.specialties,
  partner_id: input.partnerId,
  description: input.description,
});

export async function createTeam(ctx: Ctx, actor: Actor, input: TeamInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const unit = await unitForAction(trx, actor, input.unitId, 'volunteer.manage');
    await checkPeople(trx, input);
    const row = await trx
      .insertInto('volunteer_team')
      .values(values(input, unit.id))
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('volunteer_team_member')
      .values({ team_id: row.id, person_id: input.leaderPersonId })
      .execute();
    await recordAudit(trx, actor, {
      action: 'volunteer_team.created',
      entityType: 'volunteer_team',
      entityId: row.id,
      unitPath: unit.path,
      after: input,
    });
    return { id: row.id };
  });
}

async function teamToManage(trx: Db, actor: Actor, id: number) {
  const team = await repo.findTeam(trx, actor, id);
  if (!team) throw notFound('团队');
  if (!canManageTeam(actor, team)) throw forbidden('只有团队所属组织才能管理团队');
  return team;
}

export async function updateTeam(ctx: Ctx, actor: Actor, id: number, input: TeamInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await teamToManage(trx, actor, id);
    const unit = await unitForAction(trx, actor, input.unitId, 'volunteer.manage');
    await checkPeople(trx, input);
    await trx.updateTable('volunteer_team').set(values(input, unit.id)).where('id', '=', id).execute();
    await trx
      .insertInto('volunteer_team_member')
      .values({ team_id: id, person_id: input.leaderPersonId })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await recordAudit(trx, actor, {
      action: 'volunteer_team.updated',
      entityType: 'volunteer_team',
      entityId: id,
      unitPath: unit.path,
      before,
      after: input,
    });
    return { id };
  });
}

export async function addMember(ctx: Ctx, actor: Actor, id: number, personId: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const team = await teamToManage(trx, actor, id);
    if (!(await trx.selectFrom('person').select('id').where('id', '=', personId).executeTakeFirst()))
      throw notFound('人员');
    const added = await trx
      .insertInto('volunteer_team_member')
      .values({ team_id: id, person_id: personId })
      .onConflict((oc) => oc.doNothing())
      .returning('person_id')
      .executeTakeFirst();
    if (!added) throw conflict('ALREADY_MEMBER', '此人已是团队成员');
    await recordAudit(trx, actor, {
      action: 'volunteer_team.member_added',
      entityType: 'volunteer_team',
      entityId: id,
      unitPath: team.ownerPath,
      after: { personId },
    });
    return { teamId: id, personId };
  });
}

export async function removeMember(ctx: Ctx, actor: Actor, id: number, personId: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const team = await teamToManage(trx, actor, id);
    if (team.leaderPersonId === personId) throw conflict('LEADER_CANNOT_LEAVE', '请先更换队长，再移出原队长');
    const removed = await trx
      .deleteFrom('volunteer_team_member')
      .where('team_id', '=', id)
      .where('person_id', '=', personId)
      .returning('person_id')
      .executeTakeFirst();
    if (!removed) throw notFound('团队成员');
    await recordAudit(trx, actor, {
      action: 'volunteer_team.member_removed',
      entityType: 'volunteer_team',
      entityId: id,
      unitPath: team.ownerPath,
      before: { personId },
    });
    return { teamId: id, personId };
  });
}

/** A team as other modules read it (量体裁衣 matching, claiming a need): no members' personal details. */
export type TeamForMatching = Omit<
  Awaited<ReturnType<typeof repo.teamsForMatching>>[number],
  'memberCount' | 'campus'
> & {
  memberCount: number;
  campus: string | null;
  kindLabel: string;
};

/**
 * Open teams owned within any of `unitPaths` (subtrees), or at an ancestor of `ancestorsOf` (a school-wide team
 * serves its colleges too), or with the given ids. Unscoped read for other modules' services, which scope by unit.
 */
export async function teamsForMatching(
  db: Db,
  q: { unitPaths?: readonly string[]; ancestorsOf?: string; ids?: readonly number[] } = {},
): Promise<TeamForMatching[]> {
  const rows = await repo.teamsForMatching(db, q);
  return rows.map((r) => ({
    ...r,
    memberCount: Number(r.memberCount ?? 0),
    campus: r.campus || null,
    kindLabel: TEAM_KIND_LABELS[r.kind as TeamKind] ?? r.kind,
  }));
}

/** One open team the actor may see (a member of it, or volunteer.view over its unit); undefined otherwise (→ 404). */
export async function visibleTeam(db: Db, actor: Actor, id: number): Promise<TeamForMatching | undefined> {
  if (!(await repo.findTeam(db, actor, id))) return undefined;
  const [team] = await teamsForMatching(db, { ids: [id] });
  return team;
}
