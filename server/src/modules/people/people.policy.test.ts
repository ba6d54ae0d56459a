import type { RoleName } from '@pioneer/domain';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../core/actor';
import {
  canDecideTransfer,
  canRequestTransfer,
  canSeeTransfer,
  canUpdatePerson,
  canViewPerson,
  canViewSensitive,
  maskFor,
  staffingNeeded,
} from './people.policy';

// A small tree: /1/ school, /1/2/ college, /1/2/3/ its branch, /1/4/5/ another college's branch.
const actor = (personId: number, grants: [RoleName, string][], isSystemAdmin = false): Actor => ({
  accountId: personId,
  personId,
  name: `p${personId}`,
  username: `u${personId}`,
  unitId: 3,
  unitPath: '/1/',
  isSystemAdmin,
  grants: grants.map(([role, unitPath], i) => ({ grantId: i + 1, role, unitId: i + 1, unitPath, unitName: unitPath })),
});
const orgDept = actor(1, [['org_dept', '/1/']]);
const publicity = actor(2, [['publicity', '/1/']]);
const college = actor(3, [['general_branch_secretary', '/1/2/']]);
const branch = actor(4, [
  ['branch_secretary', '/1/2/3/'],
  ['member', '/1/2/6/'],
]);
const member = actor(5, [['member', '/1/2/3/']]);
const masses = actor(6, []);
const admin = actor(7, [], true);
const inBranch = { id: 50, unitPath: '/1/2/3/' };
const elsewhere = { id: 51, unitPath: '/1/4/5/' };
const self = { id: 6, unitPath: '/1/2/3/' };

describe('people policy', () => {
  it.each([
    ['org dept', orgDept, inBranch, true, true, true],
    ['publicity views, handles no one', publicity, inBranch, true, false, false],
    ['college secretary, own college', college, inBranch, true, true, true],
    ['college secretary, other college', college, elsewhere, false, false, false],
    ['branch secretary, own branch', branch, inBranch, true, true, true],
    ['branch secretary, other college', branch, elsewhere, false, false, false],
    ['member of the branch', member, inBranch, true, false, false],
    ['a non-member, someone else', masses, inBranch, false, false, false],
    ['a non-member, themselves', masses, self, true, true, false],
    ['system admin', admin, elsewhere, true, true, true],
  ])('%s: view %s, sensitive %s, update %s', (_, who, person, view, sensitive, update) => {
    expect(canViewPerson(who, person)).toBe(view);
    expect(canViewSensitive(who, person)).toBe(sensitive);
    expect(canUpdatePerson(who, person)).toBe(update);
  });

  it.each([
    [branch, inBranch, false, true],
    [branch, inBranch, true, false],
    [member, inBranch, false, false],
    [college, elsewhere, false, false],
  ])('request transfer #%#', (who, person, pending, expected) => {
    expect(canRequestTransfer(who, person, pending)).toBe(expected);
  });

  const outgoing = { status: 'pending', fromPath: '/1/2/3/', toPath: '/1/4/5/' };
  const receiver = actor(8, [['branch_secretary', '/1/4/5/']]);
  it.each([
    ['the receiving branch', receiver, outgoing, true, true],
    ['the sending branch', branch, outgoing, false, true],
    ['the sending college', college, outgoing, false, true],
    ['the org department', orgDept, outgoing, true, true],
    ['a member', member, outgoing, false, false],
    ['the receiver, once decided', receiver, { ...outgoing, status: 'approved' }, false, true],
  ])('%s: decide %s, see %s', (_, who, transfer, decide, see) => {
    expect(canDecideTransfer(who, transfer)).toBe(decide);
    expect(canSeeTransfer(who, transfer)).toBe(see);
  });

  it('masks phone and ID number for viewers who do not handle the person', () => {
    const row = { ...inBranch, phone: '13812345678', idNumber: '11010519491231002X' };
    expect(maskFor(publicity, row)).toMatchObject({
      phone: '138****5678',
      idNumber: '110105********002X',
      masked: true,
    });
    expect(maskFor(branch, row)).toMatchObject({ phone: '13812345678', idNumber: '11010519491231002X', masked: false });
    expect(maskFor(masses, { ...row, id: 6 })).toMatchObject({ phone: '13812345678', masked: false });
    expect(maskFor(publicity, { ...row, phone: null, idNumber: null })).toMatchObject({ phone: null, idNumber: null });
  });

  it.each([
    [0, 0, 0],
    [0, 99, 1],
    [0, 100, 1],
    [0, 101, 2],
    [7, 700, 0],
    [6, 700, 1],
    [3, 250, 0],
    [1, 5000, 49],
  ])('with %i full-time workers among %i people, %i more are needed', (fulltime, population, needed) => {
    expect(staffingNeeded(fulltime, population)).toBe(needed);
  });
});
