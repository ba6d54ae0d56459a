import { expect } from 'vitest';
import type { Client, TestContext } from '../../test/harness';

/** Builders for service-demand tests (this module's and others'): needs in a given state, through the real API. */
export function fixtures(t: () => TestContext) {
  const unit = (code: string) => t().demo.unitIds.get(code.toLowerCase()) as number;
  const person = (username: string) => {
    const account = t().demo.school.accounts.find((a) => a.username === username);
    return t().demo.personIds.get(account?.personKey as string) as number;
  };
  /** Members (or probationary members) of a demo unit, as person ids, excluding the given ones. */
  const membersOf = (code: string, except: number[] = []) =>
    t()
      .demo.school.people.filter(
        (p) =>
          p.unitKey === code.toLowerCase() && (p.politicalStatus === 'member' || p.politicalStatus === 'probationary'),
      )
      .map((p) => t().demo.personIds.get(p.key) as number)
      .filter((id) => !except.includes(id));
  const categoryId = async (code: string) => {
    const res = await (await t().as('zuzhibu')).get('/api/demand-categories?all=true');
    return (res.body.items as { id: number; code: string }[]).find((c) => c.code === code)?.id as number;
  };
  /** Asserts the status and hands back the body, loosely typed as test code reads it. */
  const ok = (res: { status: number; body: unknown }, status = 200) => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions that read them
    return res.body as any;
  };

  /** A student need filed by qunzhong, triaged by student affairs into `category` (default: tutoring → 文学院). */
  async function triaged(opts: { category?: string; title?: string; filer?: string } = {}) {
    const filer = await t().as(opts.filer ?? 'qunzhong');
    const created = ok(
      await filer.post('/api/demands', { title: opts.title ?? '期末复习辅导', description: '需要辅导' }),
      201,
    );
    const office = opts.filer === 'jiaogong' ? 'gonghui' : 'xuegong';
    ok(
      await (await t().as(office)).post(`/api/demands/${created.id}/triage`, {
        categoryId: await categoryId(opts.category ?? 'tutoring'),
      }),
    );
    return { id: created.id as number, trackingCode: created.trackingCode as string, office };
  }
  async function published(opts: Parameters<typeof triaged>[0] = {}) {
    const need = await triaged(opts);
    ok(await (await t().as(need.office)).post(`/api/demands/${need.id}/publish`, {}));
    return need;
  }
  /** Claimed by zhibu for 文学院本科生第一党支部, with dangyuan and one more member assigned. */
  async function claimed(opts: Parameters<typeof triaged>[0] = {}) {
    const need = await published(opts);
    const zhibu = await t().as('zhibu');
    ok(await zhibu.post(`/api/demands/${need.id}/claim`, { unitId: unit('JNSD-WX-BK1') }));
    const members = [person('dangyuan'), membersOf('JNSD-WX-BK1', [person('dangyuan')])[0] as number];
    ok(await zhibu.post(`/api/demands/${need.id}/members`, { personIds: members }));
    return { ...need, members };
  }
  async function inProgress(opts: Parameters<typeof triaged>[0] = {}) {
    const need = await claimed(opts);
    ok(await (await t().as('dangyuan')).post(`/api/demands/${need.id}/start`, {}));
    return need;
  }
  async function completed(opts: Parameters<typeof triaged>[0] = {}) {
    const need = await inProgress(opts);
    const services = need.members.map((personId, i) => ({ personId, minutes: 90 + i * 30 }));
    ok(await (await t().as('dangyuan')).post(`/api/demands/${need.id}/complete`, { result: '已辅导两次', services }));
    return { ...need, services };
  }

  /** Public-form needs come from their own IP, so tests do not share one rate-limit bucket. */
  let ipSeq = 0;
  const publicClient = (): Client & { ip: string } => {
    ipSeq += 1;
    const ip = `10.${(ipSeq >> 8) & 255}.${ipSeq & 255}.${Math.floor(Math.random() * 250) + 1}`;
    const anon = t().anonymous;
    const withIp = (opts: Parameters<Client['inject']>[0]) => anon.inject({ ...opts, remoteAddress: ip });
    return {
      ip,
      inject: withIp,
      get: (url) => withIp({ method: 'GET', url }),
      post: (url, body) => withIp({ method: 'POST', url, payload: body as never }),
      put: (url, body) => withIp({ method: 'PUT', url, payload: body as never }),
      del: (url) => withIp({ method: 'DELETE', url }),
    };
  };
  async function publicNeed(extra: Record<string, unknown> = {}) {
    const body = {
      title: '社区老人手机教学',
      description: '想学用手机挂号',
      location: '仙林街道文苑社区',
      name: '王阿姨',
      phone: '13912345678',
      ...extra,
    };
    return ok(await publicClient().post('/api/public/demands', body), 201) as { id: number; trackingCode: string };
  }

  return {
    unit,
    person,
    membersOf,
    categoryId,
    ok,
    triaged,
    published,
    claimed,
    inProgress,
    completed,
    publicClient,
    publicNeed,
  };
}
