import { certificateInput, reasonInput } from '@pioneer/domain';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../core/actor';
import { requireActor } from '../../core/auth/auth.plugin';
import { AppError, notFound } from '../../core/errors';
import type { App, Context } from '../../core/module';
import { publicBaseUrl } from '../../core/public-url';
import * as repo from './certificates.repository';
import * as service from './certificates.service';
import { canRecordHours } from './ledger.policy';
import { maskName, unitForAction } from './shared';

const tags = ['志愿服务证明'];
const idParams = z.object({ id: z.coerce.number().int().positive() });

const abilities = (actor: Actor, c: repo.CertificateRow) => ({
  download: true,
  revoke: canRecordHours(actor, c.unitPath) && c.revokedAt === null,
});
/** Lists never carry the frozen record lines: those are for the PDF. */
const summary = ({ records: _records, ...c }: repo.CertificateRow) => c;

export function certificateRoutes(app: App, ctx: Context) {
  const baseOf = (request: FastifyRequest) => publicBaseUrl(ctx.config, request);

  app.post(
    '/api/volunteer/certificates',
    { schema: { tags, summary: '出具志愿服务证明', body: certificateInput } },
    async (request, reply) =>
      reply.code(201).send(await service.issueCertificate(ctx, requireActor(request), request.body)),
  );
  app.get(
    '/api/volunteer/certificates',
    {
      schema: {
        tags,
        summary: '证明出具登记簿',
        querystring: z.object({
          unitId: z.coerce.number().int().positive().optional(),
          year: z.coerce.number().int().min(2000).max(2100).optional(),
        }),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { unitId, year } = request.query;
      const unitPath = unitId ? (await unitForAction(ctx.db, actor, unitId, 'volunteer.view')).path : undefined;
      const items = await repo.register(ctx.db, actor, { unitPath, year });
      return { items: items.map((c) => ({ ...summary(c), abilities: abilities(actor, c) })) };
    },
  );
  app.get('/api/volunteer/my/certificates', { schema: { tags, summary: '我的志愿服务证明' } }, async (request) => {
    const actor = requireActor(request);
    const items = await repo.mine(ctx.db, actor.personId);
    return { items: items.map((c) => ({ ...summary(c), abilities: abilities(actor, c) })) };
  });
  app.get(
    '/api/volunteer/certificates/:id/pdf',
    { schema: { tags, summary: '下载证明（PDF）', params: idParams } },
    async (request, reply) => {
      const actor = requireActor(request);
      const cert = await repo.findCertificate(ctx.db, actor, request.params.id);
      if (!cert) throw notFound('证明');
      const pdf = await service.certificatePdf(cert, baseOf(request));
      const name = encodeURIComponent(`志愿服务证明-${cert.serial}.pdf`);
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="certificate-${cert.serial}.pdf"; filename*=UTF-8''${name}`,
        )
        .send(pdf);
    },
  );
  app.get(
    '/api/volunteer/certificates/preview',
    {
      schema: {
        tags,
        summary: '出具前预览：计入的时长，以及因疑点复核中而不计入的时长',
        querystring: z
          .object({
            personId: z.coerce.number().int().positive(),
            unitId: z.coerce.number().int().positive(),
            from: z.iso.date(),
            to: z.iso.date(),
          })
          .refine((v) => v.to >= v.from, { path: ['to'], message: '截止日期不能早于起始日期' }),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const unit = await unitForAction(ctx.db, actor, request.query.unitId, 'volunteer.manage', '出具单位');
      return service.previewCertificate(ctx.db, unit.path, request.query);
    },
  );
  app.get(
    '/api/volunteer/certificates/affected',
    {
      schema: {
        tags,
        summary: '已出具、但所含时长现已待复核或被冲销的证明（出具单位可撤销并重新出具）',
        querystring: z.object({ unitId: z.coerce.number().int().positive().optional() }),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { unitId } = request.query;
      const unitPath = unitId ? (await unitForAction(ctx.db, actor, unitId, 'volunteer.manage')).path : undefined;
      const items = await repo.affectedCertificates(ctx.db, actor, unitPath);
      return {
        items: items.map((c) => ({
          ...summary(c),
          abilities: { ...abilities(actor, c), reissue: abilities(actor, c).revoke },
        })),
      };
    },
  );
  app.post(
    '/api/volunteer/certificates/:id/reissue',
    { schema: { tags, summary: '撤销并按现行计入的时长重新出具证明', params: idParams, body: reasonInput } },
    async (request) => service.reissueCertificate(ctx, requireActor(request), request.params.id, request.body.reason),
  );
  app.post(
    '/api/volunteer/certificates/:id/revoke',
    { schema: { tags, summary: '撤销证明', params: idParams, body: reasonInput } },
    async (request) => service.revokeCertificate(ctx, requireActor(request), request.params.id, request.body.reason),
  );

  app.get(
    '/api/public/certificates/:serial',
    {
      schema: {
        tags,
        summary: '公开核验志愿服务证明（无需登录）',
        params: z.object({ serial: z.string().trim().min(1).max(64) }),
      },
    },
    async (request) => {
      const cert = await repo.bySerial(ctx.db, request.params.serial.toUpperCase());
      if (!cert) throw new AppError(404, 'CERTIFICATE_NOT_FOUND', '查无此证明：编号不存在，请核对编号或联系出具单位');
      const [replacedBy, underReview] = await Promise.all([
        repo.replacementOf(ctx.db, cert.id),
        cert.revokedAt === null ? repo.hasStaleEntries(ctx.db, cert.id) : false,
      ]);
      return {
        /** The serial of the certificate issued in its place (a revoked one that was reissued). */
        replacedBy,
        /** Still valid, but some hours it lists are now under review or reversed: the issuing unit is told. */
        hoursUnderReview: underReview,
        valid: cert.revokedAt === null,
        serial: cert.serial,
        volunteerName: maskName(cert.personName),
        volunteerNo: cert.volunteerNo,
        unitName: cert.unitName,
        periodFrom: cert.periodFrom,
        periodTo: cert.periodTo,
        totalMinutes: cert.totalMinutes,
        activityCount: cert.activityCount,
        responsibleName: cert.responsibleName,
        handlerName: cert.handlerName,
        issuedAt: cert.issuedAt,
        revokedAt: cert.revokedAt,
        revokeReason: cert.revokeReason,
      };
    },
  );
}
