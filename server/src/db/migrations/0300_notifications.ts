import type { Kysely } from 'kysely';
import { execStatements } from '../exec-statements';

/** The in-app notification centre: one row per recipient, so "read" is per person. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(
    db,
    `
    create table notification (
      id bigint generated always as identity primary key,
      person_id integer not null references person(id),
      kind text not null,
      title text not null,
      body text not null default '',
      link text,
      created_at timestamptz not null default now(),
      read_at timestamptz
    );
    create index notification_person_idx on notification (person_id, id desc);
    create index notification_unread_idx on notification (person_id) where read_at is null;
  `,
  );
}
