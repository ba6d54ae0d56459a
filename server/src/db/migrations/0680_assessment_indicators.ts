import type { Kysely } from 'kysely';
import { execStatements } from '../exec-statements';

/**
 * 考核指标体系: one system per school, year, class of unit and version. Once frozen (the year's assessment
 * opened) the database refuses changes to its indicators; a change then needs a new version with a reason.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(
    db,
    `
    create table assessment_system (
      id integer generated always as identity primary key,
      owner_unit_id integer not null references org_unit(id),
      year integer not null check (year between 2000 and 2100),
      unit_class text not null,
      version integer not null default 1,
      reason text not null default '',
      copied_from integer references assessment_system(id),
      frozen_at timestamptz,
      created_by integer references person(id),
      created_at timestamptz not null default now(),
      unique (owner_unit_id, year, unit_class, version)
    );

    create table assessment_indicator (
      id integer generated always as identity primary key,
      system_id integer not null references assessment_system(id),
      parent_id integer references assessment_indicator(id),
      position integer not null,
      name text not null,
      weight integer not null check (weight between 1 and 100),
      method text check (method in ('computed', 'assessed')),
      measure_key text,
      rule jsonb,
      criteria text not null default '',
      evidence_required boolean not null default false
    );
    create index assessment_indicator_system on assessment_indicator (system_id, parent_id, position);

    create function assessment_indicator_frozen() returns trigger language plpgsql as $$ declare sid integer; begin sid := coalesce(new.system_id, old.system_id); if exists (select 1 from assessment_system where id = sid and frozen_at is not null) then raise exception 'assessment system % is frozen: make a new version', sid; end if; return coalesce(new, old); end $$;
    create trigger assessment_indicator_frozen before insert or update or delete on assessment_indicator
      for each row execute function assessment_indicator_frozen();
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execStatements(
    db,
    `drop table assessment_indicator; drop table assessment_system; drop function assessment_indicator_frozen();`,
  );
}
