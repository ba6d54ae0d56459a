import { randomBytes } from 'node:crypto';
import type { certificateInput } from '@pioneer/domain';
import type { z } from 'zod';
import type { Actor } from '../../core/actor';
import { recordAudit } from '../../core/audit/audit';
import { conflict, forbidden, notFound } from '../../core/errors';
import { notify } from '../notifications/notifications.service';
import { type CertificateDoc, renderCertificate } from './certificates.pdf';
import * as repo from './certificates.repository';
import { canRecordHours } from './ledger.policy';
import { type Ctx, rootCodeOf, shanghaiDate, shanghaiYear, unitForAction, volunteerOf } from './shared';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Unguessable: 10 characters from 32 (50 bits), so a forged serial does not verify by luck. */
const randomPart = () => [...randomBytes(10)].map((b) => ALPHABET[b % 32]).join('');

export async function issueCertificate(ctx: Ctx, actor: Actor, input: z.infer<typeof certificateInput>) {
  return ctx.db.transaction().execute(async (trx) => {
    const unit = await unitForAction(trx, actor, input.unitId, 'volunteer.manage', '出具单位');
    const volunteer = await volunteerOf(trx, input.personId);
    const records = await repo.recordsFor(trx, input.personId, unit.path, input.from, input.to);
    if (records.length === 0) throw conflict('NO_HOURS', '该期间内没有本单位记录的服务时长，不能出具证明');
    const personUnit = await trx
      .selectFrom('org_unit')
      .select('name')
      .where('id', '=', volunteer.unitId)
      .executeTakeFirstOrThrow();
    const serial = `${await rootCodeOf(trx, unit.path)}-VC-${shanghaiYear(Date.now())}-${randomPart()}`;
    const lines = records.map((r) => ({
      date: shanghaiDate(r.serviceStart),
      title: r.activityTitle ?? r.description,
      category: r.category,
      minutes: r.minutes,
    }));
    const total = lines.reduce((a, l) => a + l.minutes, 0);
    const responsible = input.responsibleName ?? (await repo.responsibleOf(trx, unit.id)) ?? actor.name;
    const row = await trx
      .insertInto('volunteer_certificate')
      .values({
        serial,
        person_id: input.personId,
        volunteer_no: volunteer.volunteerNo,
        person_name: volunteer.name,
        unit_id: unit.id,
        unit_name: unit.name,
        period_from: input.from,
        period_to: input.to,
        total_minutes: total,
        activity_count: lines.length,
        records: JSON.stringify({ personUnitName: personUnit.name, lines }),
        responsible_name: responsible,
        handler_name: actor.name,
        issued_by: actor.personId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'volunteer_certificate.issued',
      entityType: 'volunteer_certificate',
      entityId: row.id,
      unitPath: unit.path,
      after: { serial, personId: input.personId, from: input.from, to: input.to, totalMinutes: total },
    });
    await notify(trx, {
      recipients: [input.personId],
      kind: 'volunteer.certificate_issued',
      title: '您的志愿服务证明已出具',
      body: `证明编号 ${serial}`,
      link: '/volunteer/certificates',
    });
    return { id: row.id, serial, totalMinutes: total, activityCount: lines.length };
  });
}

export async function revokeCertificate(ctx: Ctx, actor: Actor, id: number, reason: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const cert = await repo.findCertificate(trx, actor, id);
    if (!cert) throw notFound('证明');
    if (!canRecordHours(actor, cert.unitPath)) throw forbidden('只有出具单位才能撤销证明');
    if (cert.revokedAt) throw conflict('ALREADY_REVOKED', '该证明已撤销');
    const at = new Date().toISOString();
    await trx
      .updateTable('volunteer_certificate')
      .set({ revoked_at: at, revoke_reason: reason })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'volunteer_certificate.revoked',
      entityType: 'volunteer_certificate',
      entityId: id,
      unitPath: cert.unitPath,
      before: { revokedAt: null },
      after: { revokedAt: at },
      reason,
    });
    return { id, revokedAt: at };
  });
}

export const verifyUrlFor = (base: string, serial: string) => `${base}/verify/${encodeURIComponent(serial)}`;

export function certificatePdf(cert: repo.CertificateRow, base: string) {
  const stored = cert.records as { personUnitName: string; lines: CertificateDoc['records'] };
  return renderCertificate({
    ...cert,
    personUnitName: stored.personUnitName,
    records: stored.lines,
    verifyUrl: verifyUrlFor(base, cert.serial),
  });
}
