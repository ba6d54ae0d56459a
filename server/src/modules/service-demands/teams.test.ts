import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness';
import { fixtures } from './demands.fixtures';

/** Volunteer teams (志愿服务团队) in 量体裁衣 matching and in claiming a need (团队认领). */
describeOnEngines('service demands · teams in matching and claiming', (t) => {
  const f = fixtures(t);
  let tutors: { id: number; name: string };
  let photographers: { id: number; name: string };

  beforeAll(async () => {
    // 文学院党总支 forms two teams: one with the tutoring specialty (led by dangyuan), one without (led by jiaogong).
    const zongzhi = await t().as('zongzhi');
    const team = async (name: string, leader: string, specialties: string[]) => {
      const body = {
        name,
        kind: 'volunteer_team',
        unitId: f.unit('JNSD-WX'),
        leaderPersonId: f.person(leader),
        specialties,
      };
      return { id: f.ok(await zongzhi.post('/api/volunteer/teams', body), 201).id as number, name };
    };
    tutors = await team('文学院“启智”支教服务队', 'dangyuan', ['支教辅导', '朗诵']);
    photographers = await team('文学院光影服务队', 'jiaogong', ['摄影']);
    // zhibu joins the tutoring team as a plain member: sees the team, is not its leader.
    f.ok(await zongzhi.post(`/api/volunteer/teams/${tutors.id}/members`, { personId: f.person('zhibu') }), 201);
  });

  it('lists teams with reasons among the matches: the team with the right specialty first', async () => {
    const need = await f.published({ title: '团队匹配测试' });
    const matches = f.ok(await (await t().as('xuegong')).get(`/api/demands/${need.id}/matches`));
    expect(matches.units.length).toBeGreaterThan(0);
    expect(Array.isArray(matches.members)).toBe(true);
    const ids = matches.teams.map((x: { id: number }) => x.id);
    expect(ids).toEqual(expect.arrayContaining([tutors.id, photographers.id]));
    expect(ids.indexOf(tutors.id)).toBeLessThan(ids.indexOf(photographers.id));
    for (let i = 1; i < matches.teams.length; i++)
      expect(matches.teams[i - 1].score).toBeGreaterThanOrEqual(matches.teams[i].score);
    const mine = matches.teams.find((x: { id: number }) => x.id === tutors.id);
    expect(mine).toMatchObject({ kind: 'team', teamKind: 'volunteer_team', kindLabel: '师生党员志愿服务队' });
    expect(mine.members).toBe(2);
    expect(mine.reasons).toEqual(expect.arrayContaining(['团队专长涵盖：支教辅导']));
    expect(matches.teams.find((x: { id: number }) => x.id === photographers.id).reasons).toContain(
      '团队专长未涵盖：支教辅导',
    );
  });

  it('claims by team: 401 signed out, 404 out of scope or unseen team, 403 not the leader, allowed for the leader', async () => {
    const need = await f.published({ title: '团队认领测试' });
    const url = `/api/demands/${need.id}/claim`;
    expect((await t().anonymous.post(url, { teamId: tutors.id })).status).toBe(401);
    // 数学 branch secretary: the 文学院 need is out of sight.
    expect((await (await t().as('zhibu2')).post(url, { teamId: tutors.id })).status).toBe(404);
    // dangyuan does not see jiaogong's team (not a member, no volunteering view over 文学院).
    expect((await (await t().as('dangyuan')).post(url, { teamId: photographers.id })).status).toBe(404);
    expect((await (await t().as('dangyuan')).post(url, { teamId: 999_999 })).status).toBe(404);
    // zhibu is in the team but neither its leader nor able to claim for 文学院党总支.
    const notLeader = await (await t().as('zhibu')).post(url, { teamId: tutors.id });
    expect(notLeader.status).toBe(403);
    expect(notLeader.body.error.message).toContain('队长');
    // The claim dialog offers dangyuan the team they lead, and not the other one.
    const offered = f.ok(await (await t().as('dangyuan')).get(`/api/demands/${need.id}/claim-teams`));
    expect(offered.items.map((x: { id: number }) => x.id)).toContain(tutors.id);
    expect(offered.items.map((x: { id: number }) => x.id)).not.toContain(photographers.id);
    expect((await t().anonymous.get(`/api/demands/${need.id}/claim-teams`)).status).toBe(401);

    const claimed = f.ok(await (await t().as('dangyuan')).post(url, { teamId: tutors.id }));
    expect(claimed).toMatchObject({ from: 'published', to: 'claimed', team: { id: tutors.id } });
    const detail = f.ok(await (await t().as('zongzhi')).get(`/api/demands/${need.id}`));
    expect(detail.claim).toMatchObject({
      teamId: tutors.id,
      team: tutors.name,
      unitId: f.unit('JNSD-WX'),
      personId: f.person('dangyuan'),
    });
    const event = detail.timeline.find((e: { action: string }) => e.action === 'claim');
    expect(event.note).toContain(tutors.name);
    // Claimed already: the second try is a named conflict.
    expect((await (await t().as('zongzhi')).post(url, { teamId: tutors.id })).status).toBe(409);
  });

  it('lets whoever may claim for the team’s unit claim by team; a free-text team name still works', async () => {
    const need = await f.published({ title: '总支代团队认领' });
    const zongzhi = await t().as('zongzhi');
    const offered = f.ok(await zongzhi.get(`/api/demands/${need.id}/claim-teams`));
    expect(offered.items.map((x: { id: number }) => x.id)).toEqual(
      expect.arrayContaining([tutors.id, photographers.id]),
    );
    f.ok(await zongzhi.post(`/api/demands/${need.id}/claim`, { teamId: photographers.id, note: '由光影服务队承担' }));
    const detail = f.ok(await zongzhi.get(`/api/demands/${need.id}`));
    expect(detail.claim).toMatchObject({ teamId: photographers.id, personId: f.person('jiaogong') });

    const old = await f.published({ title: '自由填写团队名' });
    f.ok(
      await (await t().as('zhibu')).post(`/api/demands/${old.id}/claim`, {
        unitId: f.unit('JNSD-WX-BK1'),
        teamName: '读书小组',
      }),
    );
    const oldDetail = f.ok(await (await t().as('zhibu')).get(`/api/demands/${old.id}`));
    expect(oldDetail.claim).toMatchObject({ team: '读书小组', teamId: null });
  });

  it('credits the rating to the team, and matching then shows the team’s load and satisfaction', async () => {
    const need = await f.published({ title: '团队服务评价测试' });
    const dangyuan = await t().as('dangyuan');
    f.ok(await dangyuan.post(`/api/demands/${need.id}/claim`, { teamId: tutors.id }));
    f.ok(await dangyuan.post(`/api/demands/${need.id}/members`, { personIds: [f.person('dangyuan')] }));
    f.ok(await dangyuan.post(`/api/demands/${need.id}/start`, {}));
    f.ok(
      await dangyuan.post(`/api/demands/${need.id}/complete`, {
        result: '支教服务队完成辅导',
        services: [{ personId: f.person('dangyuan'), minutes: 60 }],
      }),
    );
    const rated = f.ok(await (await t().as('qunzhong')).post(`/api/demands/${need.id}/rate`, { score: 5 }));
    expect(rated.attributedTo).toMatchObject({ teamId: tutors.id, team: tutors.name, unitId: f.unit('JNSD-WX') });
    const detail = f.ok(await (await t().as('zongzhi')).get(`/api/demands/${need.id}`));
    expect(detail.ratings[0]).toMatchObject({ score: 5, team: tutors.name });

    const next = await f.published({ title: '团队满意度匹配测试' });
    const matches = f.ok(await (await t().as('xuegong')).get(`/api/demands/${next.id}/matches`));
    const team = matches.teams.find((x: { id: number }) => x.id === tutors.id);
    expect(team.satisfaction).toMatchObject({ average: 5 });
    expect(team.reasons.some((r: string) => r.startsWith('团队同类需求平均满意度 5 分'))).toBe(true);
    // The earlier claim by this team is still open: its load shows.
    expect(team.openLoad).toBeGreaterThanOrEqual(1);
    expect(team.reasons.some((r: string) => /^团队当前在办 \d+ 项需求$/.test(r))).toBe(true);
  });
});
