import { describe, expect, it } from 'vitest';
import type { Actor } from '../../core/actor';
import { testActor } from '../../test/actors';
import { canClaimPost, canClosePost, type PostRef } from './dual-report.policy';

const actor = testActor;
const orgDept = actor([['org_dept', '/1/']]);
const general = actor([['general_branch_secretary', '/1/2/']]);
const otherGeneral = actor([['general_branch_secretary', '/1/9/']]);
const committee = actor([['committee_admin', '/1/']]);
const member = actor([['member', '/1/2/3/']], 7);

const TODAY = '2026-05-01';
const post: PostRef = { partnerId: 4, ownerPath: '/1/2/', status: 'open', endsOn: '2026-12-31', slots: 5, taken: 2 };

describe('closing a community service post', () => {
  it.each<[string, Actor, Partial<PostRef>, boolean]>([
    ['volunteering manager of the partner’s owner unit', general, {}, true],
    ['the organization department above it', orgDept, {}, true],
    ['another general branch', otherGeneral, {}, false],
    ['the committee admin (view only)', committee, {}, false],
    ['a member reported to the community', member, {}, false],
    ['its manager once closed', general, { status: 'closed' }, false],
    ['its manager when full (still closable)', general, { taken: 5 }, true],
  ])('%s → %s', (_l, who, p, ok) => {
    expect(canClosePost(who, { ...post, ...p })).toBe(ok);
  });
});

describe('claiming a community service post', () => {
  it.each<[string, Partial<PostRef>, number | null, boolean]>([
    ['an open post of my community', {}, 4, true],
    ['a closed post', { status: 'closed' }, 4, false],
    ['a post past its last day', { endsOn: '2026-04-30' }, 4, false],
    ['a post on its last day', { endsOn: TODAY }, 4, true],
    ['a full post', { taken: 5 }, 4, false],
    ['another community’s post', {}, 5, false],
    ['without a report', {}, null, false],
  ])('%s → %s', (_l, p, reported, ok) => {
    expect(canClaimPost({ ...post, ...p }, reported, TODAY)).toBe(ok);
  });
});
