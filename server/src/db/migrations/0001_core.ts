import type { Kysely } from 'kysely';
import { execStatements } from '../exec-statements';

export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(
    db,
    `
    create table org_unit (
      id integer generated always as identity primary key,
      parent_id integer references org_unit(id),
      path text not null unique,
      depth integer not null,
      type text not null,
      branch_kind text,
      name text not null,
      code text not null unique,
      partner_id integer,
      closed_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index org_unit_path_idx on org_unit (path text_pattern_ops);
    create index org_unit_parent_idx on org_unit (parent_id);

    create table partner (
      id integer generated always as identity primary key,
      name text not null,
      kind text not null,
      owner_unit_id integer not null references org_unit(id),
      address text not null default '',
      contact_name text not null default '',
      contact_phone text not null default '',
      created_at timestamptz not null default now()
    );
    alter table org_unit add constraint org_unit_partner_fk foreign key (partner_id) references partner(id);

    create table person (
      id integer generated always as identity primary key,
      name text not null,
      gender text not null,
      kind text not null,
      staff_no text not null unique,
      id_number text,
      phone text,
      political_status text not null,
      cadre_level text not null default 'none',
      fulltime_party_worker boolean not null default false,
      skills text[] not null default '{}',
      specialty text not null default '',
      department text not null default '',
      major text,
      campus text not null default '',
      development_stage text not null default 'none',
      unit_id integer not null references org_unit(id),
      joined_party_on date,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index person_unit_idx on person (unit_id);
    create index person_name_idx on person (name);

    create table grid_unit (
      id integer generated always as identity primary key,
      name text not null,
      kind text not null,
      owner_unit_id integer not null references org_unit(id),
      campus text not null default '',
      covering_branch_id integer references org_unit(id),
      contact_person_id integer references person(id),
      created_at timestamptz not null default now()
    );
    create index grid_unit_owner_idx on grid_unit (owner_unit_id);

    create table person_transfer (
      id integer generated always as identity primary key,
      person_id integer not null references person(id),
      from_unit_id integer not null references org_unit(id),
      to_unit_id integer not null references org_unit(id),
      status text not null default 'pending',
      reason text not null default '',
      requested_by integer not null references person(id),
      decided_by integer references person(id),
      decision_note text,
      created_at timestamptz not null default now(),
      decided_at timestamptz
    );
    create unique index person_transfer_one_pending on person_transfer (person_id) where status = 'pending';

    create table account (
      id integer generated always as identity primary key,
      person_id integer not null unique references person(id),
      username text not null unique,
      password_hash text not null,
      is_system_admin boolean not null default false,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      password_changed_at timestamptz not null default now(),
      created_at timestamptz not null default now()
    );

    create table session (
      id_hash text primary key,
      account_id integer not null references account(id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null,
      expires_at timestamptz not null
    );
    create index session_account_idx on session (account_id);

    create table role_grant (
      id integer generated always as identity primary key,
      person_id integer not null references person(id),
      role text not null,
      unit_id integer not null references org_unit(id),
      valid_from date not null default current_date,
      valid_to date,
      granted_by integer references person(id),
      revoked_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index role_grant_person_idx on role_grant (person_id);

    create table audit_event (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      actor_person_id integer,
      actor_name text not null,
      action text not null,
      entity_type text not null,
      entity_id text not null,
      unit_path text,
      before jsonb,
      after jsonb,
      reason text,
      seq bigint unique,
      prev_hash text,
      hash text
    );
    create index audit_event_unsealed_idx on audit_event (id) where seq is null;
    create index audit_event_entity_idx on audit_event (entity_type, entity_id);
    create index audit_event_path_idx on audit_event (unit_path text_pattern_ops);

    create table rate_limit (
      key text primary key,
      window_start timestamptz not null,
      hits integer not null
    );
  `,
  );
}
