import { describe, expect, it } from 'vitest';
import { defaultIndicatorTree, indicatorTreeInput, scoreByRule, unitClassOf, weightedTotal } from './assessment';

describe('scoring rules', () => {
  it('linear: 0 below low, 100 above high, straight between, and reversed when fewer is better', () => {
    const rule = { kind: 'linear', low: 3, high: 5 } as const;
    expect([2, 3, 4, 4.5, 5, 6].map((v) => scoreByRule(rule, v))).toEqual([0, 0, 50, 75, 100, 100]);
    expect(scoreByRule({ kind: 'linear', low: 10, high: 0 }, 2.5)).toBe(75);
    expect(scoreByRule(rule, null)).toBe(0);
  });
  it('target: value ÷ target, capped', () => {
    expect(scoreByRule({ kind: 'target', target: 0.01 }, 0.005)).toBe(50);
    expect(scoreByRule({ kind: 'target', target: 0.01 }, 0.02)).toBe(100);
  });
  it('rank: best 100, last 0, ties share the better rank', () => {
    const peers = [10, 20, 20, 40];
    expect(peers.map((v) => scoreByRule({ kind: 'rank' }, v, peers))).toEqual([0, 66.67, 66.67, 100]);
    expect(scoreByRule({ kind: 'rank' }, 5, [5])).toBe(100);
  });
});

describe('indicator tree', () => {
  it('the default 六有 tree is valid: six groups, every sibling group summing to 100', () => {
    const tree = indicatorTreeInput.parse(defaultIndicatorTree());
    expect(tree.groups.map((g) => g.name)).toHaveLength(6);
    expect(tree.groups[0]?.name).toBe('有坚强有力的领导班子');
  });
  it('refuses weights that do not sum to 100, naming where', () => {
    const tree = defaultIndicatorTree();
    tree.groups[0]!.weight = 10;
    tree.groups[2]!.children[0]!.weight = 1;
    const r = indicatorTreeInput.safeParse(tree);
    expect(r.success).toBe(false);
    const issues = r.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toContainEqual(['groups', '同级指标权重之和应为 100，现为 95']);
    expect(issues.find(([p]) => p === 'groups.2.children')?.[1]).toContain('现为 41');
  });
  it('a computed item needs a measure and a rule; an assessed item needs criteria', () => {
    const tree = defaultIndicatorTree();
    tree.groups[1]!.children[0] = { ...tree.groups[1]!.children[0]!, measureKey: null, rule: null };
    tree.groups[0]!.children[0] = { ...tree.groups[0]!.children[0]!, criteria: '' };
    const paths = indicatorTreeInput.safeParse(tree).error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'groups.1.children.0.measureKey',
        'groups.1.children.0.rule',
        'groups.0.children.0.criteria',
      ]),
    );
  });
  it('weighted total and classes', () => {
    expect(
      weightedTotal([
        {
          weight: 40,
          children: [
            { weight: 50, points: 100 },
            { weight: 50, points: 50 },
          ],
        },
        { weight: 60, children: [{ weight: 100, points: 80 }] },
      ]),
    ).toBe(78);
    expect(unitClassOf({ type: 'branch', branchKind: 'student' })).toBe('student_branch');
    expect(unitClassOf({ type: 'branch', branchKind: 'joint' })).toBe('staff_branch');
    expect(unitClassOf({ type: 'committee', branchKind: null })).toBeNull();
  });
});
