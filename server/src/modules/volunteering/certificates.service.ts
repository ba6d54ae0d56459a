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
import { type Ctx, type Db, rootCodeOf, shanghaiDate, shanghaiYear, unitForAction, volunteerOf } from './shared';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Unguessable: 10 characters from 32 (50 bits), so a forged serial does not verify by luck. */
const randomPart = () => [...randomBytes(10)].map((b) => ALPHABET[b % 32]).join('');

type IssueInput = z.infer<typeof certificateInput>;

/**
 * What a certificate over this person, unit and period would say now: the hours that count, and the flagged
 * hours left out while they wait for review (with the flags, so the issuing officer sees why).
 */
export async function previewCertificate(db: Db, unitPath: string, input: Omit<IssueInput, 'responsibleName'>) {
  const [records, pending] = await Promise.all([
    repo.recordsFor(db, input.personId, unitPath, input.from, input.to),
    repo.pendingFor(db, input.personId, unitPath, input.from, input.to),
  ]);
  const lines = records.map((r) => ({
    entryId: Number(r.id),
    date: shanghaiDate(r.serviceStart),
    title: r.activityTitle ?? r.description,
    category: r.category,
    minutes: r.minutes,
  }));
  return {
    lines,
    totalMinutes: lines.reduce((a, l) => a + l.minutes, 0),
    pending: pending.map((r) => ({
      entryId: Number(r.id),
      date: shanghaiDate(r.serviceStart),
      title: r.activityTitle ?? r.description,
      minutes: r.minutes,
      flags: r.flags,
    })),
    pendingMinutes: pending.reduce((a, r) => a + r.minutes, 0),
  };
}

/** Issues inside the caller's transaction (a reissue revokes the old one in the same transaction). */
async function issueIn(trx: Db, actor: Actor, input: IssueInput, replacesId: number | null = null) {
  const unit = await unitForAction(trx, actor, input.unitId, 'volunteer.manage', '出具单位');
  const volunteer = await volunteerOf(trx, input.personId);
  const preview = await previewCertificate(trx, unit.path, input);
  const { lines, pending, pendingMinutes } = preview;
  if (lines.length === 0) {
    throw conflict(
      'NO_HOURS',
      pending.length > 0
        ? `该期间内本单位记录的时长均在复核中（${pending.length} 条），复核通过后才能出具证明`
        : '该期间内没有本单位记录的服务时长，不能出具证明',
      { pendingCount: pending.length, pendingMinutes },
    );
  }
  const personUnit = await trx
    .selectFrom('org_unit')
    .select('name')
    .where('id', '=', volunteer.unitId)
    .executeTakeFirstOrThrow();
  const serial = `${await rootCodeOf(trx, unit.path)}-VC-${shanghaiYear(Date.now())}-${randomPart()}`;
  const total = preview.totalMinutes;
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
      records: JSON.stringify({
        personUnitName: personUnit.name,
        lines: lines.map(({ entryId: _id, ...l }) => l),
      }),
      responsible_name: responsible,
      handler_name: actor.name,
      issued_by: actor.personId,
      pending_minutes: pendingMinutes,
      pending_count: pending.length,
      replaces_id: replacesId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('volunteer_certificate_entry')
    .values(lines.map((l) => ({ certificate_id: row.id, entry_id: l.entryId })))
    .execute();
  await recordAudit(trx, actor, {
    action: replacesId ? 'volunteer_certificate.reissued' : 'volunteer_certificate.issued',
    entityType: 'volunteer_certificate',
    entityId: row.id,
    unitPath: unit.path,
    after: {
      serial,
      personId: input.personId,
      from: input.from,
      to: input.to,
      totalMinutes: total,
      pendingLeftOut: { count: pending.length, minutes: pendingMinutes },
      replacesId,
    },
  });
  await notify(trx, {
    recipients: [input.personId],
    kind: 'volunteer.certificate_issued',
    title: replacesId ? '您的志愿服务证明已重新出具' : '您的志愿服务证明已出具',
    body: pending.length
      ? `证明编号 ${serial}；另有 ${pending.length} 条时长正在复核，未计入本证明`
      : `证明编号 ${serial}`,
    link: '/volunteer/certificates',
  });
  return {
    id: row.id,
    serial,
    totalMinutes: total,
    activityCount: lines.length,
    pendingLeftOut: { count: pending.length, minutes: pendingMinutes },
  };
}

export async function issueCertificate(ctx: Ctx, actor: Actor, input: IssueInput) {
  return ctx.db.transaction().execute((trx) => issueIn(trx, actor, input));
}

/** The certificate for an issuing unit's action: 404 unseen, 403 not the issuing unit, 409 already revoked. */
async function certificateToChange(trx: Db, actor: Actor, id: number) {
  const cert = await repo.findCertificate(trx, actor, id);
  if (!cert) throw notFound('证明');
  if (!canRecordHours(actor, cert.unitPath)) throw forbidden('只有出具单位才能撤销证明');
  if (cert.revokedAt) throw conflict('ALREADY_REVOKED', '该证明已撤销');
  return cert;
}

async function revokeIn(trx: Db, actor: Actor, cert: repo.CertificateRow, reason: string) {
  const at = new Date().toISOString();
  await trx
    .updateTable('volunteer_certificate')
    .set({ revoked_at: at, revoke_reason: reason })
    .where('id', '=', cert.id)
    .execute();
  await recordAudit(trx, actor, {
    action: 'volunteer_certificate.revoked',
    entityType: 'volunteer_certificate',
    entityId: cert.id,
    unitPath: cert.unitPath,
    before: { revokedAt: null },
    after: { revokedAt: at },
    reason,
  });
  return at;
}

/**
 * Revokes a certificate and issues a new one over the same person, unit and period with the hours that count
 * now (a certificate issued over entries since found pending or reversed). The old serial stays verifiable,
 * as revoked, naming its replacement.
 */
export async function reissueCertificate(ctx: Ctx, actor: Actor, id: number, reason: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const cert = await certificateToChange(trx, actor, id);
    await revokeIn(trx, actor, cert, reason);
    const issued = await issueIn(
      trx,
      actor,
      {
        personId: cert.personId,
        unitId: cert.unitId,
        from: iso10(cert.periodFrom),
        to: iso10(cert.periodTo),
        responsibleName: cert.responsibleName,
      },
      cert.id,
    );
    return { revokedId: cert.id, ...issued };
  });
}

/** A date column as YYYY-MM-DD (pg gives a Date at local midnight, PGlite a string or Date). */
const iso10 = (v: string | Date) => (typeof v === 'string' ? v.slice(0, 10) : shanghaiDate(v));

export async function revokeCertificate(ctx: Ctx, actor: Actor, id: number, reason: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const cert = await certificateToChange(trx, actor, id);
    return { id, revokedAt: await revokeIn(trx, actor, cert, reason) };
  });
}

export const verifyUrlFor = (base: string, serial: string) => `${base}/verify/${encodeURIComponent(serial)}`;

export function certificatePdf(cert: repo.CertificateRow, base: string) {
  const stored = cert.records as { personUnitName: string; lines: CertificateDoc['records'] };
  return renderCertificate({
    ...cert,
    pendingMinutes: cert.pendingMinutes,
    pendingCount: cert.pendingCount,
    personUnitName: stored.personUnitName,
    records: stored.lines,
    verifyUrl: verifyUrlFor(base, cert.serial),
  });
}
