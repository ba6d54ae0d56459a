import { describe, expect, it } from 'vitest';
import type { Actor } from '../../core/actor';
import { testActor } from '../../test/actors';
import {
  activityAbilities,
  canCancelSignup,
  type PersonFacts,
  type ShiftFacts,
  signupRefusal,
} from './activities.policy';
import { inCheckinWindow, isLate, isPresent, servedInterval } from './attendance';
import { canReverseEntry } from './ledger.policy';
import { canManageTeam } from './teams.policy';
import { canConfirmDuty, canManageVenue, canRequestSwap } from './venues.policy';

const actor = testActor;
const secretary = actor([['branch_secretary', '/1/2/3/']]);
const general = actor([['general_branch_secretary', '/1/2/']]);
const member = actor([['member', '/1/2/3/']], 7);
const committee = actor([['committee_admin', '/1/']]);

const NOW = Date.parse('2026-05-01T08:00:00Z');
const at = (min: number) => new Date(NOW + min * 60_000).toISOString();
const shift: ShiftFacts = {
  status: 'published',
  signupOpensAt: at(-600),
  signupClosesAt: at(60),
  membersOnly: false,
  requiredSkill: null,
  audiencePath: '/1/2/',
  shiftStart: at(120),
  capacity: 10,
  taken: 3,
};
const person: PersonFacts = { registered: true, politicalStatus: 'member', skills: ['摄影'], unitPath: '/1/2/3/' };
const none = { existing: false, overlaps: false, waitlist: false };

describe('sign-up refusals', () => {
  it.each<[string, Partial<ShiftFacts>, Partial<PersonFacts>, Partial<typeof none>, string | null]>([
    ['an eligible member with a free seat', {}, {}, {}, null],
    ['an activity that is closed', { status: 'closed' }, {}, {}, 'SIGNUP_CLOSED'],
    ['before sign-up opens', { signupOpensAt: at(10) }, {}, {}, 'SIGNUP_CLOSED'],
    ['after sign-up closes', { signupClosesAt: at(-1) }, {}, {}, 'SIGNUP_CLOSED'],
    ['a shift that already started', { shiftStart: at(-5), signupClosesAt: at(60) }, {}, {}, 'SIGNUP_CLOSED'],
    ['someone not registered', {}, { registered: false }, {}, 'NOT_ELIGIBLE'],
    ['someone outside the audience', {}, { unitPath: '/1/9/' }, {}, 'NOT_ELIGIBLE'],
    ['a non-member for members only', { membersOnly: true }, { politicalStatus: 'masses' }, {}, 'NOT_ELIGIBLE'],
    ['a probationary member for members only', { membersOnly: true }, { politicalStatus: 'probationary' }, {}, null],
    ['a missing skill', { requiredSkill: '手语' }, {}, {}, 'NOT_ELIGIBLE'],
    ['the right skill', { requiredSkill: '摄影' }, {}, {}, null],
    ['a second sign-up for the shift', {}, {}, { existing: true }, 'ALREADY_SIGNED_UP'],
    ['an overlapping shift', {}, {}, { overlaps: true }, 'OVERLAPPING_SHIFT'],
    ['a full shift', { taken: 10 }, {}, {}, 'SHIFT_FULL'],
    ['a full shift, joining the waiting list', { taken: 10 }, {}, { waitlist: true }, null],
  ])('%s', (_label, s, p, o, expected) => {
    expect(signupRefusal({ ...shift, ...s }, { ...person, ...p }, NOW, { ...none, ...o })?.code ?? null).toBe(expected);
  });

  it('offers the waiting list with a full shift', () => {
    expect(signupRefusal({ ...shift, taken: 10 }, person, NOW, none)?.details).toEqual({ waitlistAvailable: true });
  });
});

describe('activity, sign-up, ledger, team and venue permissions', () => {
  const open = { orgPath: '/1/2/3/', status: 'published' };
  it.each<[string, Actor, { orgPath: string; status: string }, boolean]>([
    ['the branch secretary on their branch', secretary, open, true],
    ['the general-branch secretary above it', general, open, true],
    ['a member of the branch', member, open, false],
    ['the committee admin (view only)', committee, open, false],
    ['the secretary once closed', secretary, { ...open, status: 'closed' }, false],
  ])('closing an activity: %s → %s', (_l, who, a, ok) => {
    expect(activityAbilities(who, a).close).toBe(ok);
  });

  const signup = { personId: 7, status: 'confirmed', shiftStart: at(30), checkinReview: 'none' };
  it.each<[string, Actor, typeof signup, boolean]>([
    ['the volunteer before the start', member, signup, true],
    ['the volunteer after the start', member, { ...signup, shiftStart: at(-1) }, false],
    ['the volunteer, already cancelled', member, { ...signup, status: 'cancelled' }, false],
    ['someone else', actor([['member', '/1/2/3/']], 8), signup, false],
    ['the organizer after the start', secretary, { ...signup, shiftStart: at(-1) }, true],
  ])('cancelling a sign-up: %s → %s', (_l, who, s, ok) => {
    expect(canCancelSignup(who, open, s, NOW)).toBe(ok);
  });

  it.each<[string, Actor, { kind: string; reversedBy: number | null; unitPath: string }, boolean]>([
    ['a credit by the recording unit', secretary, { kind: 'credit', reversedBy: null, unitPath: '/1/2/3/' }, true],
    ['a credit of another unit', secretary, { kind: 'credit', reversedBy: null, unitPath: '/1/4/' }, false],
    ['a reversal', secretary, { kind: 'reversal', reversedBy: null, unitPath: '/1/2/3/' }, false],
    ['a credit already reversed', general, { kind: 'credit', reversedBy: 5, unitPath: '/1/2/3/' }, false],
  ])('reversing %s → %s', (_l, who, e, ok) => {
    expect(canReverseEntry(who, e)).toBe(ok);
  });

  it.each<[string, Actor, boolean]>([
    ['general-branch secretary', general, true],
    ['branch secretary (below the team’s unit)', secretary, false],
    ['member', member, false],
  ])('managing a college team and venue: %s → %s', (_l, who, ok) => {
    expect(canManageTeam(who, { ownerPath: '/1/2/' })).toBe(ok);
    expect(canManageVenue(who, { ownerPath: '/1/2/' })).toBe(ok);
  });

  const duty = { personId: 7, status: 'scheduled', startsAt: at(60), endsAt: at(180), ownerPath: '/1/2/' };
  it.each<[string, Actor, typeof duty, boolean, boolean]>([
    ['the person on a future duty', member, duty, true, false],
    ['the manager on a future duty', general, duty, true, false],
    ['the manager after the duty', general, { ...duty, startsAt: at(-180), endsAt: at(-60) }, false, true],
    ['the person after the duty', member, { ...duty, startsAt: at(-180), endsAt: at(-60) }, false, false],
    [
      'the manager on a confirmed duty',
      general,
      { ...duty, status: 'done', startsAt: at(-180), endsAt: at(-60) },
      false,
      false,
    ],
  ])('duty: %s → swap %s, confirm %s', (_l, who, d, swap, confirm) => {
    expect(canRequestSwap(who, d, NOW)).toBe(swap);
    expect(canConfirmDuty(who, d, NOW)).toBe(confirm);
  });
});

describe('attendance rules', () => {
  const s = { startsAt: at(0), endsAt: at(120) };
  it.each<[string, number, boolean, boolean]>([
    ['31 minutes early', -31, false, false],
    ['30 minutes early', -30, true, false],
    ['on time', 0, true, false],
    ['15 minutes late', 15, true, false],
    ['16 minutes late', 16, true, true],
    ['after the end', 121, false, true],
  ])('checking in %s: window %s, late %s', (_l, min, inWindow, late) => {
    expect(inCheckinWindow(s, NOW + min * 60_000)).toBe(inWindow);
    expect(isLate(s, NOW + min * 60_000)).toBe(late);
  });

  it.each<[string, string, string | null, number]>([
    ['early check-in, no check-out', at(-20), null, 120],
    ['late check-in', at(30), null, 90],
    ['left early', at(0), at(45), 45],
    ['checked out after the end', at(0), at(200), 120],
  ])('served minutes: %s', (_l, inAt, outAt, minutes) => {
    expect(servedInterval(s, inAt, outAt).minutes).toBe(minutes);
  });

  it.each<[string | null, string, boolean]>([
    [at(0), 'none', true],
    [at(0), 'approved', true],
    [at(0), 'pending', false],
    [at(0), 'rejected', false],
    [null, 'none', false],
  ])('present with check-in %s and review %s → %s', (checkedInAt, checkinReview, ok) => {
    expect(isPresent({ checkedInAt, checkinReview })).toBe(ok);
  });
});
