import { describe, expect, it } from 'vitest';
import { codeFor, currentCode, STEP_SECONDS, stepAt, verifyCode } from './checkin.code';

const SECRET = 'a1'.repeat(20);
const T0 = Date.parse('2026-05-01T09:00:00+08:00');
const step = (n: number) => T0 + n * STEP_SECONDS * 1000;

describe('rotating check-in code', () => {
  it('is six digits, the same within a step and different in the next steps', () => {
    const a = currentCode(SECRET, 7, step(0) + 1000);
    expect(a.code).toMatch(/^\d{6}$/);
    expect(currentCode(SECRET, 7, step(0) + 29_000).code).toBe(a.code);
    const codes = new Set([0, 1, 2, 3].map((n) => codeFor(SECRET, 7, stepAt(step(n)))));
    expect(codes.size).toBe(4);
    expect(a.expiresAt).toBe(new Date(step(1) - (step(1) % 30_000)).toISOString());
  });

  it('depends on the activity and on the secret', () => {
    const s = stepAt(T0);
    expect(codeFor(SECRET, 7, s)).not.toBe(codeFor(SECRET, 8, s));
    expect(codeFor(SECRET, 7, s)).not.toBe(codeFor('b2'.repeat(20), 7, s));
  });

  it.each([
    ['the current step', 0, true],
    ['the previous step', -1, true],
    ['two steps ago (expired)', -2, false],
    ['ten minutes ago', -20, false],
    ['the next step (not yet shown)', 1, false],
  ])('accepts a code from %s: %s', (_label, offset, ok) => {
    const now = step(5) + 3000;
    const code = codeFor(SECRET, 7, stepAt(now) + offset);
    expect(verifyCode(SECRET, 7, code, now)).toBe(ok);
  });

  it('refuses a wrong code', () => {
    const now = step(0);
    const right = codeFor(SECRET, 7, stepAt(now));
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    expect(verifyCode(SECRET, 7, wrong, now)).toBe(false);
    expect(verifyCode(SECRET, 7, '12345', now)).toBe(false);
  });
});
