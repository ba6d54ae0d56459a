import type { Kysely } from 'kysely';
import { execStatements } from '../exec-statements';

/** Roster imports: one batch per uploaded file, previewed first and committed all-or-nothing later. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(
    db,
    `
    create table import_batch (
      id integer generated always as identity primary key,
      kind text not null check (kind in ('people', 'units')),
      mode text not null check (mode in ('create_only', 'upsert')),
      actor_person_id integer not null references person(id),
      unit_path text not null,
      file_name text not null,
      status text not null default 'previewed' check (status in ('previewed', 'committed', 'failed')),
      row_count integer not null,
      valid_count integer not null,
      error_count integer not null,
      errors jsonb not null default '[]',
      columns jsonb not null default '[]',
      rows jsonb not null default '[]',
      result jsonb,
      created_at timestamptz not null default now(),
      committed_at timestamptz
    );
    create index import_batch_actor_idx on import_batch (actor_person_id, id desc);
  `,
  );
}
