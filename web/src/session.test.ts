import { describe, expect, it } from 'vitest';
import { unitOptions } from './session';
import { makeMe } from './test/fixtures';

describe('the current unit', () => {
  it('defaults to the unit of the highest role, not the branch where the person is only a member', () => {
    // zhibu in the demo: a member of the staff branch, secretary of an undergraduate branch.
    const me = makeMe({
      roles: [
        { role: 'member', unitId: 3, unitName: '文学院教工第一党支部', unitPath: '/1/2/3/' },
        { role: 'branch_secretary', unitId: 5, unitName: '文学院本科生第一党支部', unitPath: '/1/2/5/' },
      ],
    });
    expect(unitOptions(me).map((u) => u.id)).toEqual([5, 3, 12]);
  });

  it('puts office roles before secretaries, and a broader unit first among equal roles', () => {
    const me = makeMe({
      roles: [
        { role: 'branch_secretary', unitId: 5, unitName: '支部', unitPath: '/1/2/5/' },
        { role: 'general_branch_secretary', unitId: 2, unitName: '总支', unitPath: '/1/2/' },
        { role: 'general_branch_secretary', unitId: 9, unitName: '另一总支', unitPath: '/1/9/' },
        { role: 'org_dept', unitId: 1, unitName: '党委', unitPath: '/1/' },
      ],
    });
    expect(unitOptions(me).map((u) => u.id)).toEqual([1, 2, 9, 5, 12]);
  });

  it('falls back to the person’s own unit when they hold no grant', () => {
    expect(unitOptions(makeMe()).map((u) => u.name)).toEqual(['文学院本科生第一党支部']);
  });
});
