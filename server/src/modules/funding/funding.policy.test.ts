import { describe, expect, it } from 'vitest';
import type { Actor, ActorGrant } from '../../core/actor';
import { canAllocateFrom, canReverseAllocation } from './allocations/allocations.policy';
import {
  canAddReceipt,
  canDecideExpense,
  canRecordExpense,
  canReverseExpense,
  type ExpenseRef,
} from './expenses/expenses.policy';
import { canSetRules } from './rules/rules.policy';

const actor = (personId: number, grants: [ActorGrant['role'], string][]): Actor => ({
  accountId: personId,
  personId,
  name: `p${personId}`,
  username: `u${personId}`,
  unitId: 1,
  unitPath: '/1/',
  isSystemAdmin: false,
  grants: grants.map(([role, unitPath], i) => ({ grantId: i, role, unitId: i, unitPath, unitName: unitPath })),
});
const orgDept = actor(1, [['org_dept', '/1/']]);
const committee = actor(2, [['committee_admin', '/1/']]);
const general = actor(3, [['general_branch_secretary', '/1/5/']]);
const branch = actor(4, [['branch_secretary', '/1/5/23/']]);
const otherBranch = actor(5, [['branch_secretary', '/1/6/30/']]);
const member = actor(6, [['member', '/1/5/23/']]);

const pending = (over: Partial<ExpenseRef> = {}): ExpenseRef => ({
  unitPath: '/1/5/23/',
  parentPath: '/1/5/',
  status: 'pending',
  recordedBy: branch.personId,
  reversesId: null,
  reversedById: null,
  ...over,
});

describe('funding policies', () => {
  it.each([
    ['org dept', orgDept, true],
    ['committee admin', committee, false],
    ['general-branch secretary', general, false],
  ])('rules are set by funding.rules over the committee: %s → %s', (_, who, allowed) => {
    expect(canSetRules(who, '/1/')).toBe(allowed);
  });

  it.each([
    ['general branch gives to its branch', general, '/1/5/', true],
    ['a branch cannot give from its general branch', branch, '/1/5/', false],
    ['the committee admin only looks', committee, '/1/', false],
    ['the org dept gives from the committee', orgDept, '/1/', true],
  ])('%s', (_, who, fromPath, allowed) => {
    expect(canAllocateFrom(who, fromPath)).toBe(allowed);
  });

  it('the school budget and reversed or reversing allocations cannot be reversed', () => {
    const a = { fromPath: '/1/5/', reversesId: null, reversedById: null };
    expect(canReverseAllocation(general, a)).toBe(true);
    expect(canReverseAllocation(general, { ...a, reversedById: 9 })).toBe(false);
    expect(canReverseAllocation(general, { ...a, reversesId: 9 })).toBe(false);
    expect(canReverseAllocation(orgDept, { ...a, fromPath: null })).toBe(false);
  });

  it.each([
    ['the level above decides', general, pending(), true],
    ['never the recorder', general, pending({ recordedBy: general.personId }), false],
    ['not the branch itself', branch, pending({ recordedBy: 99 }), false],
    ['not another branch', otherBranch, pending(), false],
    ['only while pending', general, pending({ status: 'approved' }), false],
    ['not once reversed', general, pending({ reversedById: 7 }), false],
    [
      'the committee’s own: the org dept',
      orgDept,
      pending({ unitPath: '/1/', parentPath: null, recordedBy: 99 }),
      true,
    ],
    [
      'the committee’s own: not the admin',
      committee,
      pending({ unitPath: '/1/', parentPath: null, recordedBy: 99 }),
      false,
    ],
  ])('approval: %s', (_, who, e, allowed) => {
    expect(canDecideExpense(who, e)).toBe(allowed);
  });

  it('recording, reversing and receipts belong to the unit’s keepers', () => {
    expect(canRecordExpense(branch, '/1/5/23/')).toBe(true);
    expect(canRecordExpense(general, '/1/5/23/')).toBe(true);
    expect(canRecordExpense(member, '/1/5/23/')).toBe(false);
    expect(canRecordExpense(committee, '/1/5/23/')).toBe(false);
    expect(canReverseExpense(branch, pending({ status: 'recorded' }))).toBe(true);
    expect(canReverseExpense(branch, pending({ status: 'rejected' }))).toBe(false);
    expect(canReverseExpense(branch, pending({ reversesId: 3 }))).toBe(false);
    expect(canAddReceipt(branch, pending())).toBe(true);
    expect(canAddReceipt(branch, pending({ reversesId: 3 }))).toBe(false);
    expect(canAddReceipt(otherBranch, pending())).toBe(false);
  });
});
