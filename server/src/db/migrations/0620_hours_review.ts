import type { Kysely } from 'kysely';
import { execStatements } from '../exec-statements';

/**
 * Review of flagged volunteer hours (issue 16) and the one definition of "hours that count".
 *
 * - `volunteer_hours_flag`: one row per flagged credit, written when the credit is appended (flags are no
 *   longer only computed on read). Its decision (accepted with a reason, or reversed through the ledger's own
 *   reversal) is set once: a trigger refuses any change after that and any delete, so the review is as
 *   tamper-evident as the audit log that records it.
 * - `volunteer_hours_counted`: the credits that count — not reversed, and not waiting for review. Every
 *   reader of hours (totals, certificates, teams, later the measures) selects from this view.
 * - `volunteer_hours_pending`: the credits waiting for review, with their flags.
 * - `volunteer_certificate_entry`: which ledger entries a certificate covered, so a certificate issued over
 *   entries that later turn out pending or reversed can be found; `replaces_id` links a reissued certificate.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(
    db,
    `
    create table volunteer_hours_flag (
      entry_id bigint primary key references volunteer_hours_entry(id),
      person_id integer not null references person(id),
      unit_id integer not null references org_unit(id),
      flags jsonb not null,
      flagged_at timestamptz not null,
      decision text check (decision in ('accepted', 'reversed')),
      decided_by integer references person(id),
      decided_by_name text,
      decided_at timestamptz,
      decision_reason text,
      reversal_id bigint references volunteer_hours_entry(id),
      check ((decision is null) = (decided_at is null)),
      check (decision is null or (decided_by_name is not null and decision_reason is not null))
    );
    create index volunteer_hours_flag_open_idx on volunteer_hours_flag (unit_id) where decision is null;
    create index volunteer_hours_flag_person_idx on volunteer_hours_flag (person_id);
    create function volunteer_hours_flag_guard() returns trigger language plpgsql as $$ begin if tg_op = 'DELETE' then raise exception 'volunteer_hours_flag rows are kept (% refused)', tg_op; end if; if old.decision is not null then raise exception 'volunteer_hours_flag: a review decision is final'; end if; return new; end $$;
    create trigger volunteer_hours_flag_final before update or delete on volunteer_hours_flag
      for each row execute function volunteer_hours_flag_guard();

    create view volunteer_hours_counted as
      select e.* from volunteer_hours_entry e
      where e.kind = 'credit'
        and not exists (select 1 from volunteer_hours_entry r where r.reverses_id = e.id)
        and not exists (select 1 from volunteer_hours_flag f where f.entry_id = e.id and f.decision is null);

    create view volunteer_hours_pending as
      select e.*, f.flags, f.flagged_at from volunteer_hours_entry e
      join volunteer_hours_flag f on f.entry_id = e.id and f.decision is null
      where e.kind = 'credit'
        and not exists (select 1 from volunteer_hours_entry r where r.reverses_id = e.id);

    create table volunteer_certificate_entry (
      certificate_id integer not null references volunteer_certificate(id),
      entry_id bigint not null references volunteer_hours_entry(id),
      primary key (certificate_id, entry_id)
    );
    create index volunteer_certificate_entry_entry_idx on volunteer_certificate_entry (entry_id);
    alter table volunteer_certificate add column pending_minutes integer not null default 0;
    alter table volunteer_certificate add column pending_count integer not null default 0;
    alter table volunteer_certificate add column replaces_id integer references volunteer_certificate(id);

    -- Certificates issued before this migration: link the credits they could have covered (same person,
    -- recorded in the issuing unit's subtree before the issue, served within the period).
    insert into volunteer_certificate_entry (certificate_id, entry_id)
      select c.id, e.id from volunteer_certificate c
      join org_unit cu on cu.id = c.unit_id
      join volunteer_hours_entry e on e.person_id = c.person_id and e.kind = 'credit'
      join org_unit eu on eu.id = e.unit_id
      where eu.path like cu.path || '%' and e.recorded_at <= c.issued_at
        and (e.service_start at time zone 'Asia/Shanghai')::date between c.period_from and c.period_to;
  `,
  );
}
