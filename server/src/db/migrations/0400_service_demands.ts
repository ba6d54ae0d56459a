import type { Kysely } from 'kysely';
import { execStatements } from '../exec-statements';

/** Service demands (服务需求): categories, needs, their timeline, who served, ratings, Open311 clients. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(
    db,
    `
    create table demand_category (
      id integer generated always as identity primary key,
      name text not null unique,
      grp text not null,
      code text not null unique,
      description text not null default '',
      required_skills text[] not null default '{}',
      default_unit_id integer references org_unit(id),
      triage_minutes integer not null check (triage_minutes > 0),
      claim_minutes integer not null check (claim_minutes > 0),
      complete_minutes integer not null check (complete_minutes > 0),
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table open311_client (
      id integer generated always as identity primary key,
      name text not null,
      key_hash text not null unique,
      created_by integer references person(id),
      created_at timestamptz not null default now(),
      revoked_at timestamptz
    );

    create table demand (
      id integer generated always as identity primary key,
      tracking_code text not null unique,
      title text not null,
      description text not null,
      audience text not null,
      channel text not null,
      category_id integer references demand_category(id),
      state text not null,
      round integer not null default 1,
      handling_unit_id integer not null references org_unit(id),
      origin_unit_id integer references org_unit(id),
      claim_unit_id integer references org_unit(id),
      claim_team text not null default '',
      claim_person_id integer references person(id),
      responsible_unit_id integer not null references org_unit(id),
      requester_person_id integer references person(id),
      requester_name text not null default '',
      requester_phone text,
      requester_email text,
      requester_address text not null default '',
      entered_by integer references person(id),
      open311_client_id integer references open311_client(id),
      campus text not null default '',
      location text not null default '',
      lat double precision,
      long double precision,
      address_id text,
      zipcode text,
      media_url text,
      needed_on date,
      duplicate_of integer references demand(id),
      result text not null default '',
      minutes_total integer not null default 0,
      last_rating_score integer,
      due_at timestamptz,
      overdue_notified_at timestamptz,
      submitted_at timestamptz not null default now(),
      triaged_at timestamptz,
      published_at timestamptz,
      claimed_at timestamptz,
      started_at timestamptz,
      completed_at timestamptz,
      rated_at timestamptz,
      closed_at timestamptz,
      updated_at timestamptz not null default now()
    );
    create index demand_board_idx on demand (published_at desc, id desc) where published_at is not null;
    create index demand_board_category_idx on demand (category_id, published_at desc, id desc) where published_at is not null;
    create index demand_board_count_idx on demand (state, category_id, campus) where published_at is not null;
    create index demand_state_idx on demand (state, category_id);
    create index demand_handling_idx on demand (handling_unit_id);
    create index demand_claim_unit_idx on demand (claim_unit_id);
    create index demand_responsible_idx on demand (responsible_unit_id, due_at);
    create index demand_requester_idx on demand (requester_person_id);
    create index demand_submitted_idx on demand (submitted_at);

    create table demand_event (
      id bigint generated always as identity primary key,
      demand_id integer not null references demand(id),
      at timestamptz not null default now(),
      actor_person_id integer references person(id),
      actor_label text not null,
      action text not null,
      from_state text,
      to_state text,
      note text not null default '',
      public boolean not null default false
    );
    create index demand_event_demand_idx on demand_event (demand_id, id);

    create table demand_assignee (
      demand_id integer not null references demand(id),
      round integer not null,
      person_id integer not null references person(id),
      assigned_by integer references person(id),
      assigned_at timestamptz not null default now(),
      primary key (demand_id, round, person_id)
    );
    create index demand_assignee_person_idx on demand_assignee (person_id);

    create table demand_service (
      demand_id integer not null references demand(id),
      round integer not null,
      person_id integer not null references person(id),
      minutes integer not null check (minutes > 0),
      recorded_by integer references person(id),
      recorded_at timestamptz not null default now(),
      primary key (demand_id, round, person_id)
    );
    create index demand_service_person_idx on demand_service (person_id);

    create table demand_photo (
      id integer generated always as identity primary key,
      demand_id integer not null references demand(id),
      round integer not null,
      url text,
      file_name text,
      mime text,
      content bytea,
      uploaded_by integer references person(id),
      created_at timestamptz not null default now(),
      check (url is not null or content is not null)
    );
    create index demand_photo_demand_idx on demand_photo (demand_id);

    create table demand_rating (
      id integer generated always as identity primary key,
      demand_id integer not null references demand(id),
      round integer not null,
      score integer not null check (score between 1 and 5),
      comment text not null default '',
      via text not null,
      rated_by integer references person(id),
      unit_id integer references org_unit(id),
      team text not null default '',
      created_at timestamptz not null default now(),
      unique (demand_id, round)
    );
    create index demand_rating_unit_idx on demand_rating (unit_id);

    create table demand_rating_member (
      rating_id integer not null references demand_rating(id),
      person_id integer not null references person(id),
      primary key (rating_id, person_id)
    );
    create index demand_rating_member_person_idx on demand_rating_member (person_id);

    create table demand_signing_key (
      name text primary key,
      secret text not null,
      created_at timestamptz not null default now()
    );
  `,
  );
}
