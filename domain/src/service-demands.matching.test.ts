import { describe, expect, it } from 'vitest';
import { clockOf, elapsedMinutes, formatDuration, isOverdue } from './service-demands.clock';
import { type MatchCandidate, rankCandidates, rankNeedsFor, scoreMatch } from './service-demands.matching';

const person = (id: number, extra: Partial<MatchCandidate>): MatchCandidate => ({
  kind: 'person',
  id,
  name: `党员${id}`,
  skills: [],
  specialty: '',
  campus: null,
  openLoad: 0,
  satisfaction: null,
  ...extra,
});

const need = { requiredSkills: ['心理咨询', '家庭教育指导'], campus: '仙林校区', neededOn: '2026-12-05' };

describe('量体裁衣 ranking on made cases', () => {
  it('puts the member with the skills on the same campus first, and says why', () => {
    const ranked = rankCandidates(need, [
      person(1, { skills: ['摄影'], campus: '仙林校区' }),
      person(2, { skills: ['心理咨询', '家庭教育指导'], campus: '仙林校区' }),
      person(3, { skills: ['心理咨询', '家庭教育指导'], campus: '随园校区' }),
    ]);
    expect(ranked.map((r) => r.id)).toEqual([2, 3, 1]);
    expect(ranked[0]?.reasons).toEqual(
      expect.arrayContaining(['具备所需技能：心理咨询、家庭教育指导', '同在仙林校区', '当前没有在办需求，可优先安排']),
    );
    expect(ranked[1]?.reasons).toContain('位于随园校区，与需求所在的仙林校区不同');
    expect(ranked[2]?.reasons).toContain('缺少技能：心理咨询、家庭教育指导');
  });

  it('counts a specialty that names a required skill', () => {
    const s = scoreMatch(need, person(1, { specialty: '心理咨询师', campus: '仙林校区' }));
    expect(s.parts.skills).toBe(20);
    expect(s.reasons).toContain('具备所需技能：心理咨询');
  });

  it('spreads work: with equal skills, the lighter load ranks first', () => {
    const same = { skills: ['心理咨询', '家庭教育指导'], campus: '仙林校区' };
    const ranked = rankCandidates(need, [person(1, { ...same, openLoad: 4 }), person(2, { ...same, openLoad: 0 })]);
    expect(ranked.map((r) => r.id)).toEqual([2, 1]);
    expect(ranked[1]?.reasons).toContain('当前在办 4 项需求');
    expect(ranked[0]!.parts.load).toBeGreaterThan(ranked[1]!.parts.load);
  });

  it('measures a branch load per member, so a big branch is not punished for its size', () => {
    const unit = (id: number, openLoad: number, capacity: number): MatchCandidate => ({
      ...person(id, { skills: ['心理咨询'], campus: '仙林校区', openLoad }),
      kind: 'unit',
      capacity,
    });
    const [first] = rankCandidates(need, [unit(1, 3, 1), unit(2, 3, 30)]);
    expect(first?.id).toBe(2);
  });

  it('prefers past satisfaction on similar needs and reports it', () => {
    const same = { skills: ['心理咨询', '家庭教育指导'], campus: '仙林校区' };
    const ranked = rankCandidates(need, [
      person(1, { ...same, satisfaction: { average: 2.2, count: 5 } }),
      person(2, { ...same, satisfaction: { average: 4.75, count: 4 } }),
      person(3, { ...same }),
    ]);
    expect(ranked.map((r) => r.id)).toEqual([2, 3, 1]);
    expect(ranked[0]?.reasons).toContain('同类需求平均满意度 4.8 分（4 次评价）');
    expect(ranked[1]?.reasons).toContain('暂无同类需求的评价');
  });

  it('marks a member busy on the day the need is wanted', () => {
    const same = { skills: ['心理咨询', '家庭教育指导'], campus: '仙林校区' };
    const ranked = rankCandidates(need, [person(1, { ...same, busyOn: ['2026-12-05'] }), person(2, same)]);
    expect(ranked.map((r) => r.id)).toEqual([2, 1]);
    expect(ranked[1]?.reasons).toContain('2026-12-05 已有其他服务安排');
  });

  it('gives a perfect fit 100 and keeps every score within 0–100', () => {
    const perfect = scoreMatch(
      need,
      person(1, {
        skills: need.requiredSkills,
        campus: '仙林校区',
        satisfaction: { average: 5, count: 3 },
      }),
    );
    expect(perfect.score).toBe(100);
    const worst = scoreMatch(
      need,
      person(2, { campus: '紫金校区', busyOn: ['2026-12-05'], openLoad: 1000, satisfaction: { average: 1, count: 9 } }),
    );
    expect(worst.score).toBeGreaterThanOrEqual(0);
    expect(worst.score).toBeLessThan(5);
  });

  it('is stable: equal scores and loads fall back to the id', () => {
    const ranked = rankCandidates({ requiredSkills: [], campus: null }, [person(9, {}), person(3, {}), person(5, {})]);
    expect(ranked.map((r) => r.id)).toEqual([3, 5, 9]);
    expect(ranked[0]?.reasons).toEqual(expect.arrayContaining(['该类需求无特定技能要求', '需求未限定地点']));
  });

  it('ranks needs for a member (适合我的需求) with the same reasons', () => {
    const me = person(1, { skills: ['摄影', '视频剪辑'], campus: '随园校区' });
    const ranked = rankNeedsFor(me, [
      { id: 10, requiredSkills: ['心理咨询'], campus: '仙林校区' },
      { id: 11, requiredSkills: ['摄影'], campus: '随园校区' },
      { id: 12, requiredSkills: ['摄影', '书法'], campus: '随园校区' },
    ]);
    expect(ranked.map((r) => r.need.id)).toEqual([11, 12, 10]);
    expect(ranked[0]?.reasons).toContain('具备所需技能：摄影');
  });
});

describe('量体裁衣 for teams (团队), table-driven on made cases', () => {
  const team = (id: number, extra: Partial<MatchCandidate>): MatchCandidate => ({
    ...person(id, {}),
    kind: 'team',
    name: `服务队${id}`,
    capacity: 1,
    ...extra,
  });
  const cases: {
    name: string;
    teams: MatchCandidate[];
    order: number[];
    reasons?: Record<number, string[]>;
  }[] = [
    {
      name: 'a team with the right specialties outranks one without',
      teams: [
        team(1, { skills: ['摄影', '书法'], campus: '仙林校区' }),
        team(2, { skills: ['心理咨询', '家庭教育指导'], campus: '仙林校区' }),
      ],
      order: [2, 1],
      reasons: {
        2: ['团队专长涵盖：心理咨询、家庭教育指导', '同在仙林校区', '团队当前没有在办需求，可优先安排'],
        1: ['团队专长未涵盖：心理咨询、家庭教育指导'],
      },
    },
    {
      name: 'partial specialties rank between full and none',
      teams: [
        team(1, { skills: [] }),
        team(2, { skills: ['心理咨询'] }),
        team(3, { skills: ['心理咨询', '家庭教育指导'] }),
      ],
      order: [3, 2, 1],
      reasons: { 2: ['团队专长涵盖：心理咨询', '团队专长未涵盖：家庭教育指导', '队员所在校区不详'] },
    },
    {
      name: 'load spreads work: equal teams, the one with fewer open needs first',
      teams: [
        team(1, { skills: ['心理咨询', '家庭教育指导'], campus: '仙林校区', openLoad: 3 }),
        team(2, { skills: ['心理咨询', '家庭教育指导'], campus: '仙林校区', openLoad: 0 }),
      ],
      order: [2, 1],
      reasons: { 1: ['团队当前在办 3 项需求'] },
    },
    {
      name: 'a larger team carries the same load more lightly',
      teams: [
        team(1, { skills: ['心理咨询'], openLoad: 2, capacity: 1 }),
        team(2, { skills: ['心理咨询'], openLoad: 2, capacity: 4 }),
      ],
      order: [2, 1],
    },
    {
      name: 'satisfaction credited to the team on similar needs counts',
      teams: [
        team(1, { skills: ['心理咨询'], satisfaction: { average: 2, count: 3 } }),
        team(2, { skills: ['心理咨询'], satisfaction: { average: 5, count: 2 } }),
      ],
      order: [2, 1],
      reasons: { 2: ['团队同类需求平均满意度 5 分（2 次评价）'], 1: ['团队同类需求平均满意度 2 分（3 次评价）'] },
    },
    {
      name: 'the day already taken counts against a team',
      teams: [
        team(1, { skills: ['心理咨询'], busyOn: ['2026-12-05'] }),
        team(2, { skills: ['心理咨询'], busyOn: ['2026-12-06'] }),
      ],
      order: [2, 1],
      reasons: { 1: ['2026-12-05 已有其他服务安排'] },
    },
  ];
  it.each(cases)('$name', ({ teams, order, reasons }) => {
    const ranked = rankCandidates(need, teams);
    expect(ranked.map((r) => r.id)).toEqual(order);
    for (const [id, expected] of Object.entries(reasons ?? {})) {
      expect(ranked.find((r) => r.id === Number(id))?.reasons).toEqual(expect.arrayContaining(expected));
    }
  });

  it('keeps a member’s wording for members and a branch’s for branches', () => {
    expect(scoreMatch(need, person(1, { skills: ['心理咨询'] })).reasons).toContain('具备所需技能：心理咨询');
    expect(scoreMatch(need, team(1, { skills: ['心理咨询'] })).reasons).not.toContain('具备所需技能：心理咨询');
  });
});

describe('time-limit clocks', () => {
  const limits = { triageMinutes: 60, claimMinutes: 120, completeMinutes: 600 };
  const times = {
    submittedAt: '2026-03-01T00:00:00.000Z',
    publishedAt: '2026-03-01T02:00:00.000Z',
    claimedAt: '2026-03-02T00:00:00.000Z',
    reopenedAt: '2026-03-05T00:00:00.000Z',
  };
  it.each([
    ['submitted', 'triage', '2026-03-01T01:00:00.000Z'],
    ['triaged', 'triage', '2026-03-01T01:00:00.000Z'],
    ['published', 'claim', '2026-03-01T04:00:00.000Z'],
    ['claimed', 'complete', '2026-03-02T10:00:00.000Z'],
    ['in_progress', 'complete', '2026-03-02T10:00:00.000Z'],
    ['reopened', 'triage', '2026-03-05T01:00:00.000Z'],
  ] as const)('%s runs the %s clock, due %s', (state, kind, dueAt) => {
    expect(clockOf(state, times, limits)).toMatchObject({ kind, dueAt });
  });
  it.each(['completed', 'rated', 'closed', 'merged', 'rejected', 'withdrawn', 'expired'] as const)(
    '%s has no clock',
    (state) => {
      expect(clockOf(state, times, limits)).toBeNull();
    },
  );
  it('is overdue only after the due time', () => {
    const clock = clockOf('submitted', times, limits);
    expect(isOverdue(clock, '2026-03-01T00:59:00.000Z')).toBe(false);
    expect(isOverdue(clock, '2026-03-01T01:01:00.000Z')).toBe(true);
    expect(isOverdue(null, '2030-01-01T00:00:00.000Z')).toBe(false);
  });
  it('counts and shows minutes', () => {
    expect(elapsedMinutes('2026-03-01T00:00:00Z', '2026-03-02T03:30:00Z')).toBe(1650);
    expect(elapsedMinutes('2026-03-02T00:00:00Z', '2026-03-01T00:00:00Z')).toBe(0);
    expect(formatDuration(1650)).toBe('1天3小时');
    expect(formatDuration(45)).toBe('45分钟');
    expect(formatDuration(0)).toBe('0分钟');
  });
});
