/** Flat units (each with parentId) → nested tree nodes; a unit whose parent is not in the list is a root. */
export interface TreeNode<T> {
  key: number;
  unit: T;
  children: TreeNode<T>[];
}

export function buildTree<T extends { id: number; parentId: number | null }>(units: T[]): TreeNode<T>[] {
  const nodes = new Map<number, TreeNode<T>>(units.map((u) => [u.id, { key: u.id, unit: u, children: [] }]));
  const roots: TreeNode<T>[] = [];
  for (const u of units) {
    const node = nodes.get(u.id)!;
    const parent = u.parentId === null ? undefined : nodes.get(u.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** Ids of the units whose name contains `text`, plus all their ancestors (to keep the path to them visible). */
export function matchWithAncestors<T extends { id: number; parentId: number | null; name: string }>(
  units: T[],
  text: string,
): Set<number> {
  const needle = text.trim().toLowerCase();
  const byId = new Map(units.map((u) => [u.id, u]));
  const keep = new Set<number>();
  for (const u of units) {
    if (!u.name.toLowerCase().includes(needle)) continue;
    let cur: T | undefined = u;
    while (cur && !keep.has(cur.id)) {
      keep.add(cur.id);
      cur = cur.parentId === null ? undefined : byId.get(cur.parentId);
    }
  }
  return keep;
}

/** Keeps only nodes whose id is in `keep` (children filtered the same way). */
export function pruneTree<T>(nodes: TreeNode<T>[], keep: Set<number>): TreeNode<T>[] {
  return nodes.filter((n) => keep.has(n.key)).map((n) => ({ ...n, children: pruneTree(n.children, keep) }));
}
