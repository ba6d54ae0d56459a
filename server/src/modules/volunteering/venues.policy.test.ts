import { describe, expect, it } from 'vitest';
import type { Actor } from '../../core/actor';
import { testActor } from '../../test/actors';
import { canCancelSwap, canCloseVenue, dutyAbilities, venueAbilities } from './venues.policy';

const actor = testActor;
const orgDept = actor([['org_dept', '/1/']]);
const general = actor([['general_branch_secretary', '/1/2/']]);
const otherGeneral = actor([['general_branch_secretary', '/1/9/']]);
const committee = actor([['committee_admin', '/1/']]);
const onDuty = actor([['member', '/1/2/3/']], 7);
const colleague = actor([['member', '/1/2/3/']], 8);

describe('closing a venue', () => {
  const open = { ownerPath: '/1/2/', closedAt: null };
  it.each<[string, Actor, { ownerPath: string; closedAt: string | null }, boolean]>([
    ['the general-branch secretary who owns it', general, open, true],
    ['the organization department above it', orgDept, open, true],
    ['another general branch', otherGeneral, open, false],
    ['the committee admin (view only)', committee, open, false],
    ['a member on its roster', onDuty, open, false],
    ['its owner once it is closed', general, { ...open, closedAt: '2026-05-01T00:00:00Z' }, false],
  ])('%s → %s', (_l, who, venue, ok) => {
    expect(canCloseVenue(who, venue)).toBe(ok);
  });

  it('takes away editing, scheduling and logging once closed', () => {
    expect(venueAbilities(general, { ownerPath: '/1/2/', closedAt: '2026-05-01T00:00:00Z' })).toEqual({
      update: false,
      schedule: false,
      logService: false,
      close: false,
    });
    expect(venueAbilities(general, { ownerPath: '/1/2/', closedAt: null })).toEqual({
      update: true,
      schedule: true,
      logService: true,
      close: true,
    });
  });
});

describe('withdrawing a swap request', () => {
  it.each<[string, Actor, { fromPersonId: number; status: string }, boolean]>([
    ['the requester while pending', onDuty, { fromPersonId: 7, status: 'pending' }, true],
    ['the colleague asked', colleague, { fromPersonId: 7, status: 'pending' }, false],
    ['the venue manager', general, { fromPersonId: 7, status: 'pending' }, false],
    ['the requester once accepted', onDuty, { fromPersonId: 7, status: 'accepted' }, false],
    ['the requester once declined', onDuty, { fromPersonId: 7, status: 'declined' }, false],
    ['the requester once withdrawn', onDuty, { fromPersonId: 7, status: 'cancelled' }, false],
  ])('%s → %s', (_l, who, swap, ok) => {
    expect(canCancelSwap(who, swap)).toBe(ok);
  });

  it('offers 撤回 instead of a second request on a duty with a pending swap', () => {
    const now = Date.parse('2026-05-01T08:00:00Z');
    const duty = {
      personId: 7,
      status: 'scheduled',
      startsAt: '2026-05-02T08:00:00Z',
      endsAt: '2026-05-02T10:00:00Z',
      ownerPath: '/1/2/',
    };
    expect(dutyAbilities(onDuty, duty, now)).toMatchObject({ swap: true, cancelSwap: false });
    expect(dutyAbilities(onDuty, { ...duty, pendingSwapId: 3 }, now)).toMatchObject({ swap: false, cancelSwap: true });
    expect(dutyAbilities(general, { ...duty, pendingSwapId: 3 }, now)).toMatchObject({
      swap: false,
      cancelSwap: false,
    });
  });
});
