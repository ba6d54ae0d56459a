/**
 * 量体裁衣 matching (seed 三(五)3): who fits a need, scored from skills and specialty, place, availability,
 * current open load (work spread fairly) and past satisfaction on similar needs. Pure: the caller gathers the
 * facts; every score comes with the reasons shown to the person deciding.
 */
export interface MatchNeed {
  requiredSkills: readonly string[];
  /** Campus or place the need is at; null when anywhere will do. */
  campus: string | null;
  /** Day the service is needed ('YYYY-MM-DD'), if the requester gave one. */
  neededOn?: string | null;
}

export interface MatchCandidate {
  /** A branch, a volunteer team (its specialties are its skills) or a member. */
  kind: 'unit' | 'team' | 'person';
  id: number;
  name: string;
  skills: readonly string[];
  specialty: string;
  campus: string | null;
  /** Days this candidate already serves another need on. */
  busyOn?: readonly string[];
  /** Needs this candidate has taken up and not yet finished. */
  openLoad: number;
  /** How many people share that load (a branch's or a team's members); 1 for a person. */
  capacity?: number;
  /** Ratings received on needs of the same category group (credited to the team, for a team). */
  satisfaction: { average: number; count: number } | null;
}

export interface MatchScore {
  score: number;
  parts: { skills: number; campus: number; availability: number; load: number; satisfaction: number };
  reasons: string[];
}
export type RankedCandidate<C extends MatchCandidate = MatchCandidate> = C & MatchScore;

/** The most each factor can add; they sum to 100. */
export const MATCH_WEIGHTS = { skills: 40, campus: 20, availability: 10, load: 15, satisfaction: 15 } as const;

const round1 = (n: number) => Math.round(n * 10) / 10;

export function scoreMatch(need: MatchNeed, c: MatchCandidate): MatchScore {
  const reasons: string[] = [];
  const w = MATCH_WEIGHTS;
  const team = c.kind === 'team';

  let skills: number;
  if (need.requiredSkills.length === 0) {
    skills = w.skills / 2;
    reasons.push('该类需求无特定技能要求');
  } else {
    const own = new Set(c.skills);
    const matched = need.requiredSkills.filter((s) => own.has(s) || (c.specialty !== '' && c.specialty.includes(s)));
    skills = (w.skills * matched.length) / need.requiredSkills.length;
    const missing = need.requiredSkills.filter((s) => !matched.includes(s));
    if (matched.length > 0) reasons.push(`${team ? '团队专长涵盖' : '具备所需技能'}：${matched.join('、')}`);
    if (missing.length > 0) reasons.push(`${team ? '团队专长未涵盖' : '缺少技能'}：${missing.join('、')}`);
  }

  let campus: number;
  if (need.campus === null || need.campus === '') {
    campus = w.campus / 2;
    reasons.push('需求未限定地点');
  } else if (c.campus === need.campus) {
    campus = w.campus;
    reasons.push(`同在${need.campus}`);
  } else {
    campus = 0;
    reasons.push(
      c.campus ? `位于${c.campus}，与需求所在的${need.campus}不同` : team ? '队员所在校区不详' : '所在校区不详',
    );
  }

  let availability: number;
  if (!need.neededOn) {
    availability = w.availability / 2;
  } else if ((c.busyOn ?? []).includes(need.neededOn)) {
    availability = 0;
    reasons.push(`${need.neededOn} 已有其他服务安排`);
  } else {
    availability = w.availability;
    reasons.push(`${need.neededOn} 没有其他服务安排`);
  }

  const perHead = c.openLoad / Math.max(1, c.capacity ?? 1);
  const load = w.load / (1 + perHead);
  const who = team ? '团队' : '';
  reasons.push(c.openLoad === 0 ? `${who}当前没有在办需求，可优先安排` : `${who}当前在办 ${c.openLoad} 项需求`);

  let satisfaction: number;
  if (!c.satisfaction || c.satisfaction.count === 0) {
    satisfaction = w.satisfaction / 2;
    reasons.push(team ? '团队暂无同类需求的评价' : '暂无同类需求的评价');
  } else {
    satisfaction = (w.satisfaction * (Math.min(5, Math.max(1, c.satisfaction.average)) - 1)) / 4;
    reasons.push(`${who}同类需求平均满意度 ${round1(c.satisfaction.average)} 分（${c.satisfaction.count} 次评价）`);
  }

  const parts = {
    skills: round1(skills),
    campus: round1(campus),
    availability: round1(availability),
    load: round1(load),
    satisfaction: round1(satisfaction),
  };
  return { score: Math.round(skills + campus + availability + load + satisfaction), parts, reasons };
}

/** Candidates best first; ties go to the lighter load (fairness), then to the lower id (stable). */
export function rankCandidates<C extends MatchCandidate>(
  need: MatchNeed,
  candidates: readonly C[],
): RankedCandidate<C>[] {
  return candidates
    .map((c) => ({ ...c, ...scoreMatch(need, c) }))
    .sort((a, b) => b.score - a.score || a.openLoad - b.openLoad || a.id - b.id);
}

/** Needs that fit one member best first (适合我的需求): the same scoring seen from the member's side. */
export function rankNeedsFor<N extends MatchNeed & { id: number }>(member: MatchCandidate, needs: readonly N[]) {
  return needs
    .map((n) => ({ need: n, ...scoreMatch(n, member) }))
    .sort((a, b) => b.score - a.score || a.need.id - b.need.id);
}
