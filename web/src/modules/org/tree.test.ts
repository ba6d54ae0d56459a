import { describe, expect, it } from 'vitest';
import { buildTree, matchWithAncestors, pruneTree } from './tree';

const units = [
  { id: 1, parentId: null, name: '学校党委' },
  { id: 2, parentId: 1, name: '文学院党总支' },
  { id: 3, parentId: 2, name: '文学院本科生第一党支部' },
  { id: 4, parentId: 1, name: '数学与统计学院党总支' },
  { id: 5, parentId: 4, name: '数学学院教工党支部' },
  // Seen through a grant on a subtree: its parent is not in the list, so it is a root.
  { id: 9, parentId: 8, name: '外校党支部' },
];

describe('buildTree', () => {
  it('nests children under parents and makes orphans roots, keeping list order', () => {
    const tree = buildTree(units);
    expect(tree.map((n) => n.key)).toEqual([1, 9]);
    expect(tree[0].children.map((n) => n.key)).toEqual([2, 4]);
    expect(tree[0].children[0].children.map((n) => n.key)).toEqual([3]);
  });
});

describe('search in the tree', () => {
  it('keeps matches and the path up to them, nothing else', () => {
    const keep = matchWithAncestors(units, '本科生');
    expect([...keep].sort()).toEqual([1, 2, 3]);
    const pruned = pruneTree(buildTree(units), keep);
    expect(pruned).toHaveLength(1);
    expect(pruned[0].children.map((n) => n.key)).toEqual([2]);
  });
  it('finds nothing for a name nobody has', () => {
    expect(matchWithAncestors(units, '不存在').size).toBe(0);
  });
});
