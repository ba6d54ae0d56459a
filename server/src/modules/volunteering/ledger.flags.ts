/**
 * Fraud flags on hours credits (pure). Each names a reason a reviewer should look at an entry; none blocks it,
 * because a flag is a question for a person, not a verdict.
 */
export const FLAG_CODES = ['LATE_ENTRY', 'EXCEEDS_DURATION', 'OVERLAPPING', 'BULK_ENTRY'] as const;
export type FlagCode = (typeof FLAG_CODES)[number];
export const FLAG_LABELS: Record<FlagCode, string> = {
  LATE_ENTRY: '补录过晚',
  EXCEEDS_DURATION: '超过服务时长',
  OVERLAPPING: '时间重叠',
  BULK_ENTRY: '集中录入',
};
export interface Flag {
  code: FlagCode;
  reason: string;
}

export interface FlagCandidate {
  id: number;
  personId: number;
  minutes: number;
  serviceStart: string;
  serviceEnd: string;
  recordedAt: string;
  recordedBy: number | null;
  basis: string;
  /** The activity's own window, when the credit is for an activity. */
  activityStart: string | null;
  activityEnd: string | null;
}

export interface FlagRules {
  /** Entered more than this many days after the service ended. */
  lateDays: number;
  /** One officer typing credits for at least this many people … */
  bulkPeople: number;
  /** … within this many minutes. */
  bulkWindowMinutes: number;
}
export const DEFAULT_FLAG_RULES: FlagRules = { lateDays: 30, bulkPeople: 10, bulkWindowMinutes: 60 };

const t = (v: string) => Date.parse(v);
const DAY = 86_400_000;

/** Flags for effective credits (reversed ones are left out by the caller). */
export function detectFlags(entries: FlagCandidate[], rules: FlagRules = DEFAULT_FLAG_RULES): Map<number, Flag[]> {
  const flags = new Map<number, Flag[]>();
  const add = (id: number, flag: Flag) => {
    const list = flags.get(id) ?? [];
    if (!list.some((f) => f.code === flag.code)) list.push(flag);
    flags.set(id, list);
  };

  for (const e of entries) {
    const lateDays = Math.floor((t(e.recordedAt) - t(e.serviceEnd)) / DAY);
    if (lateDays > rules.lateDays) add(e.id, { code: 'LATE_ENTRY', reason: `服务结束${lateDays}天后才录入` });
    const windowStart = e.activityStart ?? e.serviceStart;
    const windowEnd = e.activityEnd ?? e.serviceEnd;
    const lasted = Math.round((t(windowEnd) - t(windowStart)) / 60_000);
    if (e.minutes > lasted) {
      add(e.id, {
        code: 'EXCEEDS_DURATION',
        reason: `记入${e.minutes}分钟，超过${e.activityStart ? '活动' : '服务'}时长${lasted}分钟`,
      });
    }
  }

  // Overlaps: per person, sorted by start, compare with every still-open earlier entry.
  const byPerson = new Map<number, FlagCandidate[]>();
  for (const e of entries) byPerson.set(e.personId, [...(byPerson.get(e.personId) ?? []), e]);
  for (const list of byPerson.values()) {
    list.sort((a, b) => t(a.serviceStart) - t(b.serviceStart));
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length && t(list[j].serviceStart) < t(list[i].serviceEnd); j++) {
        add(list[i].id, { code: 'OVERLAPPING', reason: `与同一人的另一条记录（#${list[j].id}）时间重叠` });
        add(list[j].id, { code: 'OVERLAPPING', reason: `与同一人的另一条记录（#${list[i].id}）时间重叠` });
      }
    }
  }

  // Bulk: an officer's manual credits; any window of bulkWindowMinutes covering bulkPeople distinct people.
  const byOfficer = new Map<number, FlagCandidate[]>();
  for (const e of entries) {
    if (e.basis !== 'manual' || e.recordedBy === null) continue;
    byOfficer.set(e.recordedBy, [...(byOfficer.get(e.recordedBy) ?? []), e]);
  }
  const windowMs = rules.bulkWindowMinutes * 60_000;
  for (const list of byOfficer.values()) {
    list.sort((a, b) => t(a.recordedAt) - t(b.recordedAt));
    let from = 0;
    for (let to = 0; to < list.length; to++) {
      while (t(list[to].recordedAt) - t(list[from].recordedAt) > windowMs) from++;
      const window = list.slice(from, to + 1);
      const people = new Set(window.map((e) => e.personId)).size;
      if (people >= rules.bulkPeople) {
        for (const e of window) {
          add(e.id, {
            code: 'BULK_ENTRY',
            reason: `同一经办人在${rules.bulkWindowMinutes}分钟内为${people}人手工录入时长`,
          });
        }
      }
    }
  }
  return flags;
}
