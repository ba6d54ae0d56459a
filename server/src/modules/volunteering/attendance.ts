/**
 * Attendance rules of check-in and settlement (pure): when a code check-in is on time, and how many minutes
 * an attended shift is worth. Times are epoch ms or ISO strings.
 */
export const CHECKIN_OPENS_BEFORE_MIN = 30;
export const LATE_AFTER_MIN = 15;
export const CHECKOUT_GRACE_MIN = 60;

const ms = (v: string | number) => (typeof v === 'number' ? v : Date.parse(v));

/** The check-in window of a shift: from 30 minutes before it starts until it ends. */
export const inCheckinWindow = (shift: { startsAt: string; endsAt: string }, now: number) =>
  now >= ms(shift.startsAt) - CHECKIN_OPENS_BEFORE_MIN * 60_000 && now <= ms(shift.endsAt);

/** A check-in more than 15 minutes after the start is late and waits for the organizer's approval. */
export const isLate = (shift: { startsAt: string }, now: number) => now > ms(shift.startsAt) + LATE_AFTER_MIN * 60_000;

export const inCheckoutWindow = (shift: { endsAt: string }, now: number) =>
  now <= ms(shift.endsAt) + CHECKOUT_GRACE_MIN * 60_000;

/**
 * The served interval of an attended shift: from the later of check-in and shift start, to the earlier of
 * check-out and shift end (no check-out: the organizer's settlement confirms service to the end).
 */
export function servedInterval(
  shift: { startsAt: string; endsAt: string },
  checkedInAt: string,
  checkedOutAt: string | null,
): { start: string; end: string; minutes: number } {
  const start = Math.max(ms(checkedInAt), ms(shift.startsAt));
  const end = Math.min(checkedOutAt ? ms(checkedOutAt) : ms(shift.endsAt), ms(shift.endsAt));
  const minutes = Math.max(0, Math.floor((end - start) / 60_000));
  return { start: new Date(start).toISOString(), end: new Date(Math.max(end, start)).toISOString(), minutes };
}

/** Settlement: present when checked in and not left waiting or refused by the organizer. */
export const isPresent = (s: { checkedInAt: string | null; checkinReview: string }) =>
  s.checkedInAt !== null && (s.checkinReview === 'none' || s.checkinReview === 'approved');
