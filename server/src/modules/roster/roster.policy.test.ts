import type { RoleName } from '@pioneer/domain';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../core/actor';
import {
  canCommitBatch,
  canExportPeople,
  canImportAnywhere,
  canImportPeopleInto,
  canImportUnitsUnder,
  canSeeSensitive,
  canViewBatch,
  commonPath,
} from './roster.policy';

const actor = (personId: number, grants: [RoleName, string][], isSystemAdmin = false): Actor => ({
  accountId: personId,
  personId,
  name: `人${personId}`,
  username: `u${personId}`,
  unitId: 1,
  unitPath: '/1/',
  isSystemAdmin,
  grants: grants.map(([role, unitPath], i) => ({ grantId: i + 1, role, unitId: i + 1, unitPath, unitName: '' })),
});

// The tree: /1/ school, /1/2/ 文学院 general branch, /1/2/5/ its branch, /1/3/ 数学 general branch.
const orgDept = actor(1, [['org_dept', '/1/']]);
const gbSecretary = actor(2, [['general_branch_secretary', '/1/2/']]);
const secretary = actor(3, [['branch_secretary', '/1/2/5/']]);
const committee = actor(4, [['committee_admin', '/1/']]);
const member = actor(5, [['member', '/1/2/5/']]);
const nobody = actor(6, []);
const admin = actor(7, [], true);

describe('roster policy', () => {
  it.each([
    ['org dept, anywhere', orgDept, '/1/3/9/', true],
    ['general-branch secretary, own subtree', gbSecretary, '/1/2/5/', true],
    ['general-branch secretary, other college', gbSecretary, '/1/3/9/', false],
    ['branch secretary, own branch', secretary, '/1/2/5/', true],
    ['branch secretary, sibling branch', secretary, '/1/2/6/', false],
    ['committee admin views but does not import', committee, '/1/2/5/', false],
    ['member', member, '/1/2/5/', false],
    ['system admin', admin, '/1/3/', true],
  ])('canImportPeopleInto: %s', (_, who, path, expected) => {
    expect(canImportPeopleInto(who, path)).toBe(expected);
  });

  it.each([
    ['org dept under the school', orgDept, '/1/', true],
    ['general-branch secretary under own general branch', gbSecretary, '/1/2/', true],
    ['general-branch secretary under the school', gbSecretary, '/1/', false],
    ['branch secretary has import.run but not org.manage', secretary, '/1/2/5/', false],
    ['nobody', nobody, '/1/', false],
  ])('canImportUnitsUnder: %s', (_, who, path, expected) => {
    expect(canImportUnitsUnder(who, path)).toBe(expected);
  });

  it.each([
    [orgDept, true, true, true],
    [secretary, true, true, true],
    [committee, false, true, false],
    [member, false, true, false],
    [nobody, false, false, false],
  ])('import anywhere / export people / sensitive in /1/2/5/ (%#)', (who, importer, exporter, sensitive) => {
    expect(canImportAnywhere(who)).toBe(importer);
    expect(canExportPeople(who)).toBe(exporter);
    expect(canSeeSensitive(who, '/1/2/5/')).toBe(sensitive);
  });

  it.each([
    ['owner, clean preview', 3, { actorPersonId: 3, status: 'previewed', errorCount: 0 }, true, true],
    ['owner, preview with errors', 3, { actorPersonId: 3, status: 'previewed', errorCount: 2 }, true, false],
    ['owner, already committed', 3, { actorPersonId: 3, status: 'committed', errorCount: 0 }, true, false],
    ['owner, failed', 3, { actorPersonId: 3, status: 'failed', errorCount: 1 }, true, false],
    ['someone else, even the org dept', 1, { actorPersonId: 3, status: 'previewed', errorCount: 0 }, false, false],
  ])('batch: %s', (_, personId, batch, view, commit) => {
    const who = [orgDept, gbSecretary, secretary].find((a) => a.personId === personId)!;
    expect(canViewBatch(who, batch)).toBe(view);
    expect(canCommitBatch(who, batch)).toBe(commit);
  });

  it.each([
    [[], null],
    [['/1/2/5/'], '/1/2/5/'],
    [['/1/2/5/', '/1/2/6/'], '/1/2/'],
    [['/1/2/5/', '/1/3/'], '/1/'],
    [['/1/', '/9/'], '/'],
    [['/1/2/', '/1/2/5/'], '/1/2/'],
    [['/1/23/', '/1/2/'], '/1/'],
  ])('commonPath(%j) = %s', (paths, expected) => {
    expect(commonPath(paths)).toBe(expected);
  });
});
