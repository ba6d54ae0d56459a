import type { Kysely } from 'kysely';
import { execStatements } from '../exec-statements';

/**
 * Excel import of hours for activities run offline (volunteering/hours-import.*): a two-step batch like the
 * roster's — the preview keeps the checked rows here until the commit writes them through the ledger.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(
    db,
    `
    create table hours_import_batch (
      id integer generated always as identity primary key,
      actor_person_id integer not null references person(id),
      activity_id integer not null references volunteer_activity(id),
      unit_path text not null,
      file_name text not null,
      status text not null default 'previewed' check (status in ('previewed', 'failed', 'committed')),
      row_count integer not null,
      error_count integer not null,
      errors jsonb not null default '[]',
      rows jsonb not null default '[]',
      created_at timestamptz not null default now(),
      committed_at timestamptz
    );
    create index hours_import_batch_actor_idx on hours_import_batch (actor_person_id, id desc);
    `,
  );
}
