import { describe, expect, it } from 'vitest';
import { diffRows } from './diff';

describe('audit diff', () => {
  it('lists every field of either side and flags the changed ones', () => {
    expect(diffRows({ name: '旧', code: 'A' }, { name: '新', code: 'A', parentId: 3 })).toEqual([
      { field: 'name', before: '旧', after: '新', changed: true },
      { field: 'code', before: 'A', after: 'A', changed: false },
      { field: 'parentId', before: '', after: '3', changed: true },
    ]);
  });
  it('copes with a missing side, nulls and nested values', () => {
    expect(diffRows(null, { closedAt: null, tags: ['a'] })).toEqual([
      { field: 'closedAt', before: '', after: '∅', changed: true },
      { field: 'tags', before: '', after: '["a"]', changed: true },
    ]);
    expect(diffRows(undefined, undefined)).toEqual([]);
  });
});
