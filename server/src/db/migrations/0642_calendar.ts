import type { Kysely } from 'kysely';
import { execStatements } from '../exec-statements';

/**
 * The personal calendar (volunteering/calendar.*): a secret per person for the iCalendar feed URL (only its
 * SHA-256 is stored; resetting it breaks old subscriptions), and which reminders were already sent.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(
    db,
    `
    create table calendar_feed (
      person_id integer primary key references person(id),
      token_hash text not null unique,
      created_at timestamptz not null default now()
    );
    create table calendar_reminder (
      kind text not null check (kind in ('shift', 'duty')),
      item_id integer not null,
      person_id integer not null references person(id),
      sent_at timestamptz not null default now(),
      primary key (kind, item_id, person_id)
    );
    `,
  );
}
