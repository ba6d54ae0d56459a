import type { RawBuilder } from 'kysely';

/**
 * A measure (指标口径) is a figure the platform can compute for any unit subtree and period, together with the
 * exact rows behind it. Modules declare their measures in their manifest; dashboards, the assessment, the
 * targets and the province rollups read them from the one registry and never count on their own.
 *
 * A measure is ONE query — its rows. The value is that query aggregated in the database
 * (`count`, `sum(amount)`, `avg(amount)`, or `sum(num) / sum(den)`), so a value always equals its drill-down.
 */
export type MeasureUnit = 'count' | 'minutes' | 'fen' | 'ratio' | 'score';
export type MeasureAggregate = 'count' | 'sum' | 'avg' | 'ratio';

export const MEASURE_UNIT_LABELS: Record<MeasureUnit, string> = {
  count: '个',
  minutes: '分钟',
  fen: '分（人民币）',
  ratio: '比率',
  score: '分值',
};

/** What every measure's rows are filtered by: a unit subtree (materialized path) and a half-open period. */
export interface MeasureFilter {
  /** e.g. `/1/5/`; the subtree is `path like '/1/5/%'`. */
  unitPath: string;
  /** Inclusive start and exclusive end, as timestamptz text (Asia/Shanghai midnights). */
  from: string;
  to: string;
}

export interface MeasureColumn {
  key: string;
  /** Chinese header in the drill-down table and its Excel export. */
  header: string;
}

export interface Measure {
  /** `<module>.<name>`, stable: assessments and targets refer to it. */
  key: string;
  name: string;
  nameEn: string;
  unit: MeasureUnit;
  aggregate: MeasureAggregate;
  /** One sentence in Chinese: what is counted, for which unit, in which period. */
  description: string;
  /**
   * The records the measure counts (table names or record kinds). Declared so the registry can refuse
   * measures over activity-tracking events (log-ins, clicks, likes, page views, study minutes).
   */
  counts: readonly string[];
  /** Drill-down columns besides `id` (and `amount` / `num` / `den`, which are always shown when present). */
  columns: readonly MeasureColumn[];
  /**
   * The rows behind the value. Must select `id` (unique per row); `amount` for sum/avg; `num` and `den` for
   * ratio; plus each declared column.
   */
  rows(filter: MeasureFilter): RawBuilder<Record<string, unknown>>;
}

/** Records no measure may be built on: the platform never ranks people by activity counts (ARCHITECTURE.md). */
export const FORBIDDEN_BASES = [
  'session',
  'login',
  'account',
  'rate_limit',
  'click',
  'like',
  'page_view',
  'view',
  'study_minutes',
  'watch',
] as const;

export class MeasureRefused extends Error {}

/** The forbidden basis a record name is about, if any: compared word by word (`page_views` yes, `reviews` no). */
function forbiddenWord(name: string): string | undefined {
  const words = name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return FORBIDDEN_BASES.find((f) => {
    const fw = f.split('_');
    return words.some((_, i) =>
      fw.every((w, j) => words[i + j] === w || (j === fw.length - 1 && words[i + j] === `${w}s`)),
    );
  });
}

/** Checks a declaration; throws MeasureRefused naming the reason. */
export function checkMeasure(m: Measure, compiledSql: string): void {
  if (!/^[a-z][a-z0-9-]*\.[a-z][a-z0-9_]*$/.test(m.key)) throw new MeasureRefused(`指标键名不合规：${m.key}`);
  if (m.counts.length === 0) throw new MeasureRefused(`指标 ${m.key} 未声明统计的记录`);
  for (const basis of m.counts) {
    const word = forbiddenWord(basis);
    if (word) throw new MeasureRefused(`指标 ${m.key} 统计「${basis}」：不得以登录、点击、点赞、浏览或学习时长计分`);
  }
  // The declaration is checked against the SQL itself, so an undeclared read of such tables is refused too.
  const tables = [...compiledSql.matchAll(/\b(?:from|join)\s+"?([a-z_]+)"?/gi)].map((x) =>
    (x[1] as string).toLowerCase(),
  );
  for (const t of tables) {
    if (forbiddenWord(t))
      throw new MeasureRefused(`指标 ${m.key} 读取了「${t}」表：不得以登录、点击、点赞、浏览或学习时长计分`);
  }
}
