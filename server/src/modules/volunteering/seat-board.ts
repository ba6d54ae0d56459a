import { type Actor, can } from '../../core/actor';
import type { Context } from '../../core/module';

/**
 * What this server process knows about full shifts, so that once the last seat has gone, the rest of a sign-up
 * rush is answered 「名额已满」 without touching the database. It only ever refuses: a seat is won solely by the
 * conditional UPDATE in volunteer_take_seat, so nothing here can oversell.
 *
 * A shift is marked full when the database says so. It is forgotten as soon as any process frees a seat there
 * (a trigger sends NOTIFY volunteer_seat_freed on every cancellation that frees a seat or capacity increase),
 * and in any case after FULL_FOR_MS. The board answers only while this process is subscribed to those
 * notifications; when the listening connection drops it forgets everything and is silent until it is back.
 */
export const SEAT_FREED_CHANNEL = 'volunteer_seat_freed';
const FULL_FOR_MS = 10_000;

export interface FullShift {
  /** Who can see the shift at all: anyone else must still get the 404 the database path gives them. */
  audiencePath: string;
  orgPath: string;
}

export class SeatBoard {
  private readonly full = new Map<number, FullShift & { until: number }>();
  /** Subscribed to volunteer_seat_freed: without that, a freed seat could go unheard, so the board stays silent. */
  listening = false;

  /** True when the shift is known full and the actor could see it (so "full" tells them nothing new). */
  knownFull(shiftId: number, actor: Actor, now: number): boolean {
    if (!this.listening) return false;
    const entry = this.full.get(shiftId);
    if (!entry) return false;
    if (entry.until <= now) {
      this.full.delete(shiftId);
      return false;
    }
    return actor.unitPath.startsWith(entry.audiencePath) || can(actor, 'volunteer.view', entry.orgPath);
  }

  markFull(shiftId: number, shift: FullShift, now: number) {
    this.full.set(shiftId, { ...shift, until: now + FULL_FOR_MS });
  }

  freed(shiftId: number) {
    this.full.delete(shiftId);
  }

  forgetAll() {
    this.full.clear();
  }

  lost() {
    this.listening = false;
    this.forgetAll();
  }
}

// One board per database (tests open several in one process; their shift ids overlap).
const boards = new WeakMap<object, SeatBoard>();

export function seatBoard(ctx: Pick<Context, 'db' | 'listen'>): SeatBoard {
  const known = boards.get(ctx.db);
  if (known) return known;
  const board = new SeatBoard();
  boards.set(ctx.db, board);
  ctx
    .listen(SEAT_FREED_CHANNEL, {
      message: (payload) => board.freed(Number(payload)),
      lost: () => board.lost(),
      listening: () => {
        board.listening = true;
      },
    })
    .catch(() => board.lost());
  return board;
}
