import { describe, expect, it } from 'vitest';
import { detectFlags, type FlagCandidate } from './ledger.flags';

const base: FlagCandidate = {
  id: 1,
  personId: 100,
  minutes: 60,
  serviceStart: '2026-05-01T01:00:00.000Z',
  serviceEnd: '2026-05-01T02:00:00.000Z',
  recordedAt: '2026-05-01T03:00:00.000Z',
  recordedBy: 9,
  basis: 'attendance',
  activityStart: null,
  activityEnd: null,
};
const codes = (entries: FlagCandidate[], id = 1) => (detectFlags(entries).get(id) ?? []).map((f) => f.code).sort();

describe('fraud flags on hours credits', () => {
  it.each<[string, Partial<FlagCandidate>, string[]]>([
    ['an ordinary credit', {}, []],
    ['entered 29 days after the service', { recordedAt: '2026-05-30T03:00:00.000Z' }, []],
    ['entered 45 days after the service', { recordedAt: '2026-06-15T03:00:00.000Z' }, ['LATE_ENTRY']],
    ['more minutes than the service window', { minutes: 90 }, ['EXCEEDS_DURATION']],
    [
      'more minutes than the activity lasted',
      {
        minutes: 200,
        serviceEnd: '2026-05-01T05:00:00.000Z',
        activityStart: '2026-05-01T01:00:00.000Z',
        activityEnd: '2026-05-01T03:00:00.000Z',
      },
      ['EXCEEDS_DURATION'],
    ],
    [
      'exactly the activity length',
      { minutes: 120, activityStart: '2026-05-01T01:00:00.000Z', activityEnd: '2026-05-01T03:00:00.000Z' },
      [],
    ],
    [
      'late and too long at once',
      { minutes: 61, recordedAt: '2026-07-01T00:00:00.000Z' },
      ['EXCEEDS_DURATION', 'LATE_ENTRY'],
    ],
  ])('%s', (_label, change, expected) => {
    expect(codes([{ ...base, ...change }])).toEqual(expected);
  });

  it('flags overlapping credits of one person on both entries, not of two people', () => {
    const other = {
      ...base,
      id: 2,
      serviceStart: '2026-05-01T01:30:00.000Z',
      serviceEnd: '2026-05-01T02:30:00.000Z',
      minutes: 60,
    };
    expect(codes([base, other], 1)).toEqual(['OVERLAPPING']);
    expect(codes([base, other], 2)).toEqual(['OVERLAPPING']);
    expect(codes([base, { ...other, personId: 101 }], 1)).toEqual([]);
    const touching = { ...other, serviceStart: '2026-05-01T02:00:00.000Z', serviceEnd: '2026-05-01T03:00:00.000Z' };
    expect(codes([base, touching], 1)).toEqual([]);
  });

  it('flags one officer typing hours for many people within an hour, but not attendance settlements', () => {
    const manual = (i: number, minute: number): FlagCandidate => ({
      ...base,
      id: 10 + i,
      personId: 200 + i,
      basis: 'manual',
      recordedAt: new Date(Date.parse(base.recordedAt) + minute * 60_000).toISOString(),
    });
    const burst = Array.from({ length: 10 }, (_, i) => manual(i, i * 5));
    expect(codes(burst, 10)).toEqual(['BULK_ENTRY']);
    expect(detectFlags(burst).get(19)?.[0].reason).toContain('10人');
    const spread = Array.from({ length: 10 }, (_, i) => manual(i, i * 10));
    expect(codes(spread, 10)).toEqual([]);
    const nine = burst.slice(0, 9);
    expect(codes(nine, 10)).toEqual([]);
    const settled = burst.map((e) => ({ ...e, basis: 'attendance' }));
    expect(codes(settled, 10)).toEqual([]);
  });
});
