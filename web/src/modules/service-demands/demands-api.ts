import { useQuery } from '@tanstack/react-query';
import { get } from '../../api';

/** Shapes of the service-demands API (server/src/modules/service-demands) as the pages read them. */
export interface Abilities {
  triage: boolean;
  merge: boolean;
  reject: boolean;
  publish: boolean;
  claim: boolean;
  claimAsMember: boolean;
  assign: boolean;
  release: boolean;
  assignMembers: boolean;
  start: boolean;
  complete: boolean;
  rate: boolean;
  withdraw: boolean;
  close: boolean;
  note: boolean;
  seeRequester: boolean;
  matches: boolean;
}
export interface Clock {
  kind: 'triage' | 'claim' | 'complete';
  startedAt: string;
  dueAt: string;
  overdue: boolean;
}
export interface Demand {
  id: number;
  trackingCode: string | null;
  title: string;
  description: string;
  audience: string;
  audienceLabel: string;
  channel: string;
  channelLabel: string;
  state: string;
  stateLabel: string;
  round: number;
  category: { id: number; name: string; group: string; requiredSkills: string[] } | null;
  handlingUnit: { id: number; name: string };
  responsibleUnit: { id: number; name: string };
  /** The requester's own unit; null for requesters from outside the school. */
  originUnit: { id: number; name: string } | null;
  claim: {
    unitId: number | null;
    unitName: string | null;
    team: string;
    /** The volunteer team that claimed it (团队认领); null for a unit or member claim, or a free-text team. */
    teamId: number | null;
    personId: number | null;
    personName: string | null;
  } | null;
  requester: {
    personId: number | null;
    name: string;
    phone: string | null;
    email: string | null;
    address: string;
    enteredBy: number | null;
  };
  campus: string;
  location: string;
  neededOn: string | null;
  duplicateOf: number | null;
  result: string;
  minutesTotal: number;
  lastRatingScore: number | null;
  assigneeIds: number[];
  clock: Clock | null;
  submittedAt: string;
  publishedAt: string | null;
  claimedAt: string | null;
  completedAt: string | null;
  updatedAt: string;
  abilities: Abilities;
}
export interface TimelineEvent {
  id: number;
  at: string;
  actor: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  note: string;
  public: boolean;
}
export interface DemandDetail extends Demand {
  timeline: TimelineEvent[];
  assignees: { round: number; personId: number; name: string }[];
  services: { round: number; personId: number; name: string; minutes: number }[];
  ratings: {
    id: number;
    round: number;
    score: number;
    comment: string;
    via: string;
    team: string;
    unitName: string | null;
    createdAt: string;
  }[];
  photos: { id: number; round: number; url: string; fileName: string | null }[];
  ratingLink: string | null;
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
export interface Category {
  id: number;
  name: string;
  group: string;
  code: string;
  description: string;
  requiredSkills: string[];
  defaultUnitId: number | null;
  defaultUnitName: string | null;
  triageMinutes: number;
  claimMinutes: number;
  completeMinutes: number;
  active: boolean;
}
export interface BoardItem {
  id: number;
  title: string;
  summary: string;
  state: string;
  categoryId: number | null;
  categoryName: string | null;
  categoryGroup: string | null;
  campus: string;
  location: string;
  neededOn: string | null;
  publishedAt: string;
  completedAt: string | null;
  servedBy: string | null;
  team: string;
  minutesTotal: number;
  ratingScore: number | null;
  ratingComment: string | null;
}
/** What the requester sees by tracking code or signed link. */
export interface TrackedDemand {
  id: number;
  title: string;
  description: string;
  state: string;
  stateLabel: string;
  category: string | null;
  location: string;
  handlingUnit: string;
  claimUnit: string | null;
  claimTeam: string;
  result: string;
  minutesTotal: number;
  submittedAt: string;
  completedAt: string | null;
  lastRatingScore: number | null;
  canRate: boolean;
  expectedAt: string | null;
  timeline?: TimelineEvent[];
}
export interface Ranked {
  kind: 'unit' | 'team' | 'person';
  /** Teams: 校内党员服务示范团队 / 服务地方党员先锋队 / 师生党员志愿服务队. */
  kindLabel?: string;
  leaderName?: string;
  id: number;
  name: string;
  unitName?: string;
  members?: number;
  skills: string[];
  campus: string | null;
  openLoad: number;
  score: number;
  reasons: string[];
}
/** A team the signed-in person could claim a need with: one they lead, or of a unit they may claim for. */
export interface ClaimTeam {
  id: number;
  name: string;
  kind: string;
  kindLabel: string;
  unitName: string;
  leaderName: string;
  memberCount: number;
  specialties: string[];
  asLeader: boolean;
}
export type Filter = Record<string, string | number | boolean>;
export interface Figure {
  key?: string | number;
  label: string;
  count: number;
  filter: Filter;
}
export interface Report {
  unit: { id: number; name: string };
  total: number;
  minutesTotal: number;
  byState: Figure[];
  byChannel: Figure[];
  byAudience: Figure[];
  byCategory: (Figure & { group: string })[];
  times: {
    stage: string;
    label: string;
    avgMinutes: number | null;
    medianMinutes: number | null;
    count: number;
    filter: Filter;
  }[];
  satisfaction: {
    average: number | null;
    count: number;
    filter: Filter;
    distribution: { score: number; count: number; filter: Filter }[];
  };
  overdue: { total: number; filter: Filter; byClock: (Figure & { clock: string })[] };
  byUnit: {
    unitId: number;
    name: string;
    total: number;
    inService: number;
    done: number;
    overdue: number;
    avgScore: number | null;
    filter: Filter;
  }[];
  byMonth: { month: string; count: number; filter: Filter }[];
}

/** Categories (all of them, for officers) — or, public, the active ones with the campuses the board filters by. */
export const useCategories = (publicOnly = false) =>
  useQuery({
    queryKey: ['demand-categories', publicOnly],
    queryFn: () =>
      get<{ items: Category[]; campuses?: string[] }>(
        publicOnly ? '/api/public/demand-categories' : '/api/demand-categories?all=true',
      ),
    staleTime: 60_000,
  });

export const useDemand = (id: number) =>
  useQuery({ queryKey: ['demand', id], queryFn: () => get<DemandDetail>(`/api/demands/${id}`) });

/** Query-string of a filter (figures → list); empty values dropped. */
export function toSearch(filter: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  return params.toString();
}
