import { describe, expect, it } from 'vitest';
import {
  DEMAND_ACTIONS,
  DEMAND_STATES,
  type DemandAction,
  type DemandState,
  REFUSAL_REASONS,
  transition,
} from './service-demands.lifecycle';

/**
 * The whole table, written out by hand: for every action, what each of the 13 states gives — the next state,
 * or the named refusal. Order of states: submitted, triaged, published, claimed, in_progress, completed, rated,
 * reopened, closed, merged, rejected, withdrawn, expired.
 */
const F = 'DEMAND_FINISHED';
const FINAL = [F, F, F, F, F] as const;
// biome-ignore format: the table reads best one action per line
const EXPECTED: Record<DemandAction, readonly string[]> = {
  //        submitted          triaged              published            claimed              in_progress          completed            rated                reopened
  triage: ['→triaged', 'ALREADY_TRIAGED', 'ALREADY_TRIAGED', 'ALREADY_TRIAGED', 'ALREADY_TRIAGED', 'ALREADY_TRIAGED', 'ALREADY_TRIAGED', '→triaged', ...FINAL],
  merge: ['→merged', '→merged', 'ALREADY_PUBLISHED', 'ALREADY_CLAIMED', 'ALREADY_CLAIMED', 'ALREADY_CLAIMED', 'ALREADY_CLAIMED', 'ALREADY_PUBLISHED', ...FINAL],
  reject: ['→rejected', '→rejected', 'ALREADY_PUBLISHED', 'ALREADY_CLAIMED', 'ALREADY_CLAIMED', 'ALREADY_CLAIMED', 'ALREADY_CLAIMED', 'ALREADY_PUBLISHED', ...FINAL],
  publish: ['NOT_TRIAGED', '→published', 'ALREADY_PUBLISHED', 'ALREADY_CLAIMED', 'ALREADY_CLAIMED', 'ALREADY_CLAIMED', 'ALREADY_CLAIMED', '→published', ...FINAL],
  claim: ['NOT_PUBLISHED', 'NOT_PUBLISHED', '→claimed', 'ALREADY_CLAIMED', 'ALREADY_CLAIMED', 'ALREADY_CLAIMED', 'ALREADY_CLAIMED', 'NOT_PUBLISHED', ...FINAL],
  assign: ['NOT_TRIAGED', '→claimed', '→claimed', 'ALREADY_CLAIMED', 'ALREADY_CLAIMED', 'ALREADY_CLAIMED', 'ALREADY_CLAIMED', '→claimed', ...FINAL],
  release: ['NOT_CLAIMED', 'NOT_CLAIMED', 'NOT_CLAIMED', '→published', 'ALREADY_STARTED', 'ALREADY_COMPLETED', 'ALREADY_COMPLETED', 'NOT_CLAIMED', ...FINAL],
  start: ['NOT_CLAIMED', 'NOT_CLAIMED', 'NOT_CLAIMED', '→in_progress', 'ALREADY_STARTED', 'ALREADY_COMPLETED', 'ALREADY_COMPLETED', 'NOT_CLAIMED', ...FINAL],
  complete: ['NOT_CLAIMED', 'NOT_CLAIMED', 'NOT_CLAIMED', 'NOT_STARTED', '→completed', 'ALREADY_COMPLETED', 'ALREADY_COMPLETED', 'NOT_CLAIMED', ...FINAL],
  rate: ['NOT_COMPLETED', 'NOT_COMPLETED', 'NOT_COMPLETED', 'NOT_COMPLETED', 'NOT_COMPLETED', '→rated', 'ALREADY_RATED', 'ALREADY_RATED', ...FINAL],
  withdraw: ['→withdrawn', '→withdrawn', '→withdrawn', '→withdrawn', 'ALREADY_STARTED', 'ALREADY_COMPLETED', 'ALREADY_COMPLETED', '→withdrawn', ...FINAL],
  expire: ['→expired', '→expired', '→expired', 'ALREADY_CLAIMED', 'ALREADY_CLAIMED', 'ALREADY_COMPLETED', 'ALREADY_COMPLETED', 'ALREADY_COMPLETED', ...FINAL],
  close: ['NOT_COMPLETED', 'NOT_COMPLETED', 'NOT_COMPLETED', 'NOT_COMPLETED', 'NOT_COMPLETED', '→closed', '→closed', '→closed', ...FINAL],
};

const cases = DEMAND_ACTIONS.flatMap((action) =>
  DEMAND_STATES.map((state, i) => ({ action, state, expected: EXPECTED[action][i] as string })),
);

describe('service demand lifecycle', () => {
  it('has an expected outcome for every (action, state) pair', () => {
    for (const action of DEMAND_ACTIONS) expect(EXPECTED[action]).toHaveLength(DEMAND_STATES.length);
    expect(cases).toHaveLength(DEMAND_ACTIONS.length * DEMAND_STATES.length);
  });

  it.each(cases)('$action from $state → $expected', ({ action, state, expected }) => {
    const result = transition(state as DemandState, action);
    if (expected.startsWith('→')) {
      expect(result).toEqual({ ok: true, from: state, to: expected.slice(1) });
    } else {
      expect(result).toMatchObject({ ok: false, from: state, code: expected });
      if (!result.ok) expect(result.message).toBe(REFUSAL_REASONS[result.code]);
    }
  });

  it.each([
    [1, 'reopened'],
    [2, 'reopened'],
    [3, 'rated'],
    [5, 'rated'],
  ] as const)('a rating of %i takes a completed need to %s', (score, to) => {
    expect(transition('completed', 'rate', { score })).toEqual({ ok: true, from: 'completed', to });
  });

  it('gives every refusal a Chinese message', () => {
    for (const message of Object.values(REFUSAL_REASONS)) expect(message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
