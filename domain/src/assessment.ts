import { z } from 'zod';

/**
 * 服务绩效考核 (seed 三(六)3, 四(一); DOMAIN.md §7): the indicator system set by the organization department,
 * one tree per year and per class of unit (分类指导). Pure rules only: weights, scoring methods, default tree.
 */
export const UNIT_CLASSES = ['general_branch', 'staff_branch', 'student_branch', 'direct_branch'] as const;
export type UnitClass = (typeof UNIT_CLASSES)[number];
export const UNIT_CLASS_LABELS: Record<UnitClass, string> = {
  general_branch: '党总支',
  staff_branch: '教工党支部',
  student_branch: '学生党支部',
  direct_branch: '直属党支部',
};
export const UNIT_CLASS_LABELS_EN: Record<UnitClass, string> = {
  general_branch: 'General branches',
  staff_branch: 'Staff branches',
  student_branch: 'Student branches',
  direct_branch: 'Directly affiliated branches',
};

/** The class a unit is assessed in; null for units that are not assessed (the committee itself). */
export function unitClassOf(unit: { type: string; branchKind: string | null }): UnitClass | null {
  if (unit.type === 'general_branch') return 'general_branch';
  if (unit.type === 'direct_branch') return 'direct_branch';
  if (unit.type === 'branch') return unit.branchKind === 'student' ? 'student_branch' : 'staff_branch';
  return null;
}

/** How a computed item turns a measure's value into 0–100 points. */
export const scoringRule = z.discriminatedUnion('kind', [
  /** 0 at or below `low`, 100 at or above `high`, straight between (low > high scores "fewer is better"). */
  z.object({ kind: z.literal('linear'), low: z.number().finite(), high: z.number().finite() }),
  /** value ÷ target, capped at 100 %. */
  z.object({ kind: z.literal('target'), target: z.number().finite().positive() }),
  /** Rank among peers of the same class: the best 100, the last 0, evenly between; ties share the better rank. */
  z.object({ kind: z.literal('rank') }),
]);
export type ScoringRule = z.infer<typeof scoringRule>;

export const SCORING_RULE_LABELS: Record<ScoringRule['kind'], string> = {
  linear: '区间线性计分',
  target: '目标达成比例',
  rank: '同类排名计分',
};

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Points (0–100) for a value under a rule; `peers` are the values of every unit of the class (rank only). */
export function scoreByRule(rule: ScoringRule, value: number | null, peers: readonly (number | null)[] = []): number {
  if (value === null) return 0;
  switch (rule.kind) {
    case 'linear': {
      if (rule.low === rule.high) return value >= rule.high ? 100 : 0;
      const t = (value - rule.low) / (rule.high - rule.low);
      return round2(Math.min(1, Math.max(0, t)) * 100);
    }
    case 'target':
      return round2(Math.min(1, Math.max(0, value / rule.target)) * 100);
    case 'rank': {
      const others = peers.filter((p): p is number => p !== null);
      if (others.length <= 1) return 100;
      const better = others.filter((p) => p > value).length;
      return round2((1 - better / (others.length - 1)) * 100);
    }
  }
}

const name = z.string().trim().min(1, '请填写名称').max(60, '名称最多 60 字');
const weight = z.number().int('权重应为整数').min(1, '权重至少为 1').max(100, '权重最多为 100');

export const indicatorItemInput = z
  .object({
    name,
    weight,
    method: z.enum(['computed', 'assessed']),
    /** computed: the registry measure (docs/measures.md) and its rule. */
    measureKey: z.string().max(80).nullish(),
    rule: scoringRule.nullish(),
    /** assessed: what the assessor looks for, and whether evidence must be attached. */
    criteria: z.string().trim().max(1000).default(''),
    evidenceRequired: z.boolean().default(false),
  })
  .superRefine((item, ctx) => {
    if (item.method === 'computed') {
      if (!item.measureKey) ctx.addIssue({ code: 'custom', path: ['measureKey'], message: '计算类指标须选择数据指标' });
      if (!item.rule) ctx.addIssue({ code: 'custom', path: ['rule'], message: '计算类指标须设置计分规则' });
    } else if (!item.criteria) {
      ctx.addIssue({ code: 'custom', path: ['criteria'], message: '评审类指标须写明评分标准' });
    }
  });
export type IndicatorItemInput = z.infer<typeof indicatorItemInput>;

export const indicatorGroupInput = z.object({
  name,
  weight,
  children: z.array(indicatorItemInput).min(1, '每个一级指标至少包含一个二级指标').max(20),
});

const sumProblem = (weights: number[]) => {
  const sum = weights.reduce((a, w) => a + w, 0);
  return sum === 100 ? null : `同级指标权重之和应为 100，现为 ${sum}`;
};

/** The whole tree of one system: first-level groups, each with weighted items; sibling weights sum to 100. */
export const indicatorTreeInput = z
  .object({ groups: z.array(indicatorGroupInput).min(1, '至少需要一个一级指标').max(20) })
  .superRefine((tree, ctx) => {
    const top = sumProblem(tree.groups.map((g) => g.weight));
    if (top) ctx.addIssue({ code: 'custom', path: ['groups'], message: top });
    tree.groups.forEach((g, i) => {
      const inner = sumProblem(g.children.map((c) => c.weight));
      if (inner) ctx.addIssue({ code: 'custom', path: ['groups', i, 'children'], message: `「${g.name}」下${inner}` });
    });
  });
export type IndicatorTreeInput = z.infer<typeof indicatorTreeInput>;

/** The weighted total (0–100) of item points: Σ group weight × Σ item weight × points, weights in percent. */
export function weightedTotal(tree: { weight: number; children: { weight: number; points: number | null }[] }[]) {
  const total = tree.reduce(
    (sum, g) => sum + (g.weight / 100) * g.children.reduce((s, c) => s + (c.weight / 100) * (c.points ?? 0), 0),
    0,
  );
  return round2(total);
}

/**
 * The default first level is the 六有 of a service-oriented organization, each with a starter set of items:
 * computed ones read the measures registry; assessed ones say what evidence the assessor looks for.
 */
export function defaultIndicatorTree(): IndicatorTreeInput {
  const assessed = (n: string, w: number, criteria: string): IndicatorItemInput => ({
    name: n,
    weight: w,
    method: 'assessed',
    criteria,
    evidenceRequired: true,
  });
  const computed = (n: string, w: number, measureKey: string, rule: ScoringRule): IndicatorItemInput => ({
    name: n,
    weight: w,
    method: 'computed',
    measureKey,
    rule,
    criteria: '',
    evidenceRequired: false,
  });
  return {
    groups: [
      {
        name: '有坚强有力的领导班子',
        weight: 15,
        children: [
          assessed('班子服务意识与履职', 60, '班子成员联系服务群众、落实“三联”、年度述职情况'),
          assessed('书记抓服务型党组织建设', 40, '书记履行第一责任人职责、专题研究部署服务工作的记录'),
        ],
      },
      {
        name: '有本领过硬的骨干队伍',
        weight: 15,
        children: [
          computed('专职党务思政人员配备', 50, 'people.staffing_ratio', { kind: 'target', target: 0.01 }),
          assessed('骨干培养与服务能力培训', 50, '服务骨干→党员→带头人培养计划及培训记录'),
        ],
      },
      {
        name: '有功能实用的服务场所',
        weight: 15,
        children: [
          computed('服务阵地服务记录', 60, 'volunteering.venue_services', { kind: 'rank' }),
          computed('网格覆盖', 40, 'org.grid_coverage', { kind: 'target', target: 1 }),
        ],
      },
      {
        name: '有形式多样的服务载体',
        weight: 15,
        children: [
          computed('开展志愿服务活动', 50, 'volunteering.activities_held', { kind: 'rank' }),
          computed('党员双报到', 50, 'volunteering.dual_report_rate', { kind: 'linear', low: 0.5, high: 1 }),
        ],
      },
      {
        name: '有健全完善的制度机制',
        weight: 15,
        children: [
          assessed('需求收集与承诺践诺制度', 50, '需求收集、党务公开、承诺践诺等制度及执行记录'),
          computed('需求按时完成', 50, 'demands.on_time_rate', { kind: 'linear', low: 0.6, high: 1 }),
        ],
      },
      {
        name: '有群众满意的服务业绩',
        weight: 25,
        children: [
          computed('服务对象满意度', 60, 'demands.satisfaction_avg', { kind: 'linear', low: 3, high: 5 }),
          computed('完成服务需求', 40, 'demands.completed', { kind: 'rank' }),
        ],
      },
    ],
  };
}
