import { type RegistrationInput, volunteerNumber } from '@pioneer/domain';
import type { Actor } from '../../core/actor';
import { recordAudit } from '../../core/audit/audit';
import { conflict } from '../../core/errors';
import * as repo from './registration.repository';
import { type Ctx, notRegistered, rootCodeOf, shanghaiYear } from './shared';

/** 志愿服务注册: a person registers themselves and gets a volunteer number for every public use. */
export async function register(ctx: Ctx, actor: Actor, input: RegistrationInput) {
  return ctx.db.transaction().execute(async (trx) => {
    if (await repo.findOwn(trx, actor.personId)) throw conflict('ALREADY_REGISTERED', '您已注册为志愿者');
    const person = await repo.personFacts(trx, actor.personId);
    const seq = await repo.nextNumberSeq(trx);
    const volunteerNo = volunteerNumber(await rootCodeOf(trx, person.unitPath), shanghaiYear(Date.now()), seq);
    const skills = input.skills.length > 0 ? input.skills : person.skills;
    const row = await trx
      .insertInto('volunteer')
      .values({
        person_id: actor.personId,
        volunteer_no: volunteerNo,
        skills,
        availability: input.availability,
        service_areas: input.serviceAreas,
        insured: input.insured,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'volunteer.registered',
      entityType: 'volunteer',
      entityId: row.id,
      unitPath: person.unitPath,
      after: { volunteerNo, ...input, skills },
    });
    return (await repo.findOwn(trx, actor.personId))!;
  });
}

export async function updateRegistration(ctx: Ctx, actor: Actor, input: RegistrationInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findOwn(trx, actor.personId);
    if (!before) throw notRegistered('您');
    const person = await repo.personFacts(trx, actor.personId);
    await trx
      .updateTable('volunteer')
      .set({
        skills: input.skills,
        availability: input.availability,
        service_areas: input.serviceAreas,
        insured: input.insured,
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', before.id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'volunteer.updated',
      entityType: 'volunteer',
      entityId: before.id,
      unitPath: person.unitPath,
      before: {
        skills: before.skills,
        availability: before.availability,
        serviceAreas: before.serviceAreas,
        insured: before.insured,
      },
      after: input,
    });
    return (await repo.findOwn(trx, actor.personId))!;
  });
}
