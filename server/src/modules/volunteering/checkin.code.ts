import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The rotating check-in code (TOTP-like, RFC 4226 truncation): HMAC-SHA256 over the activity id and the
 * 30-second time step, keyed by a secret kept in the database. A code is accepted during its own step and
 * the one after it, so a code read off the organizer's phone just before it turns still works.
 */
export const STEP_SECONDS = 30;

export const stepAt = (nowMs: number) => Math.floor(nowMs / 1000 / STEP_SECONDS);

export function codeFor(secretHex: string, activityId: number, step: number): string {
  const mac = createHmac('sha256', Buffer.from(secretHex, 'hex')).update(`${activityId}:${step}`).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const value = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(value % 1_000_000).padStart(6, '0');
}

/** The code to show now and when it turns. */
export function currentCode(secretHex: string, activityId: number, nowMs: number) {
  const step = stepAt(nowMs);
  return {
    code: codeFor(secretHex, activityId, step),
    expiresAt: new Date((step + 1) * STEP_SECONDS * 1000).toISOString(),
  };
}

/** Accepts the current and the previous step only. */
export function verifyCode(secretHex: string, activityId: number, code: string, nowMs: number): boolean {
  const step = stepAt(nowMs);
  const given = Buffer.from(code);
  return [step, step - 1].some((s) => {
    const expected = Buffer.from(codeFor(secretHex, activityId, s));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}
