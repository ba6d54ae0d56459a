import type { Kysely } from 'kysely';
import { execStatements } from '../exec-statements';

/** 志愿服务: volunteers, teams, venues, activities with shifts and sign-ups, the hours ledger, certificates, 双报到. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(
    db,
    `
    create table volunteer_setting (
      key text primary key,
      value text not null
    );

    create sequence volunteer_no_seq;
    create table volunteer (
      id integer generated always as identity primary key,
      person_id integer not null unique references person(id),
      volunteer_no text not null unique,
      skills text[] not null default '{}',
      availability text[] not null default '{}',
      service_areas text[] not null default '{}',
      insured boolean not null default false,
      registered_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table volunteer_team (
      id integer generated always as identity primary key,
      name text not null,
      kind text not null,
      owner_unit_id integer not null references org_unit(id),
      leader_person_id integer not null references person(id),
      specialties text[] not null default '{}',
      partner_id integer references partner(id),
      description text not null default '',
      created_at timestamptz not null default now(),
      closed_at timestamptz
    );
    create index volunteer_team_owner_idx on volunteer_team (owner_unit_id);
    create table volunteer_team_member (
      team_id integer not null references volunteer_team(id),
      person_id integer not null references person(id),
      joined_at timestamptz not null default now(),
      primary key (team_id, person_id)
    );

    create table venue (
      id integer generated always as identity primary key,
      name text not null,
      type text not null,
      owner_unit_id integer not null references org_unit(id),
      partner_id integer references partner(id),
      address text not null,
      latitude double precision,
      longitude double precision,
      opening_hours text not null,
      responsible_person_id integer not null references person(id),
      description text not null default '',
      is_public boolean not null default true,
      created_at timestamptz not null default now(),
      closed_at timestamptz
    );
    create index venue_owner_idx on venue (owner_unit_id);
    create table venue_duty (
      id integer generated always as identity primary key,
      venue_id integer not null references venue(id),
      person_id integer not null references person(id),
      post text not null default '值班',
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      status text not null default 'scheduled',
      confirmed_by integer references person(id),
      confirmed_at timestamptz,
      created_at timestamptz not null default now(),
      check (ends_at > starts_at)
    );
    create index venue_duty_venue_idx on venue_duty (venue_id, starts_at);
    create table venue_duty_swap (
      id integer generated always as identity primary key,
      duty_id integer not null references venue_duty(id),
      from_person_id integer not null references person(id),
      to_person_id integer not null references person(id),
      reason text not null,
      status text not null default 'pending',
      created_at timestamptz not null default now(),
      decided_at timestamptz
    );
    create unique index venue_duty_swap_one_pending on venue_duty_swap (duty_id) where status = 'pending';
    create table venue_service_log (
      id integer generated always as identity primary key,
      venue_id integer not null references venue(id),
      served_at timestamptz not null,
      title text not null,
      description text not null default '',
      people_served integer not null default 0,
      minutes integer not null default 0,
      demand_id integer,
      recorded_by integer not null references person(id),
      created_at timestamptz not null default now()
    );
    create index venue_service_log_venue_idx on venue_service_log (venue_id, served_at);

    create table volunteer_activity (
      id integer generated always as identity primary key,
      title text not null,
      description text not null default '',
      category text not null,
      org_unit_id integer not null references org_unit(id),
      team_id integer references volunteer_team(id),
      venue_id integer references venue(id),
      demand_id integer,
      audience_unit_id integer not null references org_unit(id),
      members_only boolean not null default false,
      required_skill text,
      place text not null,
      latitude double precision,
      longitude double precision,
      checkin_radius_m integer,
      signup_opens_at timestamptz not null,
      signup_closes_at timestamptz not null,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      status text not null default 'published',
      code_secret text not null,
      created_by integer not null references person(id),
      created_at timestamptz not null default now(),
      closed_at timestamptz,
      closed_by integer references person(id),
      cancel_reason text
    );
    create index volunteer_activity_unit_idx on volunteer_activity (org_unit_id);
    create index volunteer_activity_audience_idx on volunteer_activity (audience_unit_id);
    create index volunteer_activity_team_idx on volunteer_activity (team_id);
    create index volunteer_activity_starts_idx on volunteer_activity (starts_at);

    create table volunteer_shift (
      id integer generated always as identity primary key,
      activity_id integer not null references volunteer_activity(id),
      post text not null,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      capacity integer not null check (capacity > 0),
      taken integer not null default 0,
      check (taken >= 0 and taken <= capacity),
      check (ends_at > starts_at)
    );
    create index volunteer_shift_activity_idx on volunteer_shift (activity_id);

    create table volunteer_signup (
      id integer generated always as identity primary key,
      shift_id integer not null references volunteer_shift(id),
      activity_id integer not null references volunteer_activity(id),
      person_id integer not null references person(id),
      status text not null,
      created_at timestamptz not null default now(),
      cancelled_at timestamptz,
      promoted_at timestamptz,
      checked_in_at timestamptz,
      checked_out_at timestamptz,
      checkin_kind text,
      checkin_review text not null default 'none',
      review_note text,
      reviewed_by integer references person(id),
      attendance text not null default 'pending',
      credited_minutes integer
    );
    create unique index volunteer_signup_one_live on volunteer_signup (shift_id, person_id) where status in ('confirmed', 'waiting');
    create index volunteer_signup_person_idx on volunteer_signup (person_id) where status in ('confirmed', 'waiting');
    create index volunteer_signup_waiting_idx on volunteer_signup (shift_id, id) where status = 'waiting';
    create index volunteer_signup_activity_idx on volunteer_signup (activity_id);
    -- Everything a sign-up decision needs, in one call. PL/pgSQL keeps the plan per connection, so the hot
    -- path of the sign-up rush is not re-planned on every request (planning cost more than running it).
    create function volunteer_signup_facts(p_shift integer, p_person integer) returns table (
      shift_id integer, activity_id integer, post text, shift_start timestamptz, shift_end timestamptz,
      capacity integer, taken integer, title text, status text, signup_opens_at timestamptz,
      signup_closes_at timestamptz, members_only boolean, required_skill text, org_path text, audience_path text,
      political_status text, person_skills text[], unit_path text, volunteer_id integer, volunteer_skills text[],
      existing boolean, overlaps boolean
    ) language plpgsql stable as $$ begin return query
      select s.id, s.activity_id, s.post, s.starts_at, s.ends_at, s.capacity, s.taken, a.title, a.status,
        a.signup_opens_at, a.signup_closes_at, a.members_only, a.required_skill, ou.path, au.path,
        p.political_status, p.skills, pu.path, v.id, v.skills,
        exists (select 1 from volunteer_signup x where x.shift_id = s.id and x.person_id = p_person and x.status in ('confirmed', 'waiting')),
        exists (select 1 from volunteer_signup o join volunteer_shift os on os.id = o.shift_id
          where o.person_id = p_person and o.status in ('confirmed', 'waiting') and os.id <> s.id
            and os.starts_at < s.ends_at and s.starts_at < os.ends_at)
      from volunteer_shift s
      join volunteer_activity a on a.id = s.activity_id
      join org_unit ou on ou.id = a.org_unit_id
      join org_unit au on au.id = a.audience_unit_id
      join person p on p.id = p_person
      join org_unit pu on pu.id = p.unit_id
      left join volunteer v on v.person_id = p.id
      where s.id = p_shift; end $$;

    create table volunteer_hours_entry (
      id bigint generated always as identity primary key,
      person_id integer not null references person(id),
      person_seq integer not null,
      kind text not null check (kind in ('credit', 'reversal')),
      minutes integer not null,
      category text not null,
      source text not null,
      source_id integer,
      activity_id integer references volunteer_activity(id),
      unit_id integer not null references org_unit(id),
      service_start timestamptz not null,
      service_end timestamptz not null,
      service_year integer not null,
      basis text not null,
      description text not null,
      reverses_id bigint unique references volunteer_hours_entry(id),
      recorded_by integer references person(id),
      recorded_by_name text not null,
      confirmed_by_name text not null,
      recorded_at timestamptz not null,
      prev_hash text not null,
      hash text not null,
      unique (person_id, person_seq),
      check ((kind = 'credit' and minutes > 0 and reverses_id is null) or (kind = 'reversal' and minutes < 0 and reverses_id is not null))
    );
    create index volunteer_hours_unit_idx on volunteer_hours_entry (unit_id, service_year);
    create index volunteer_hours_recorder_idx on volunteer_hours_entry (recorded_by, recorded_at);
    create index volunteer_hours_activity_idx on volunteer_hours_entry (activity_id);
    create function volunteer_hours_append_only() returns trigger language plpgsql as $$ begin raise exception 'volunteer_hours_entry is append-only (% refused): record a reversal instead', tg_op; end $$;
    create trigger volunteer_hours_no_change before update or delete on volunteer_hours_entry for each row execute function volunteer_hours_append_only();
    create trigger volunteer_hours_no_truncate before truncate on volunteer_hours_entry for each statement execute function volunteer_hours_append_only();

    create table volunteer_certificate (
      id integer generated always as identity primary key,
      serial text not null unique,
      person_id integer not null references person(id),
      volunteer_no text not null,
      person_name text not null,
      unit_id integer not null references org_unit(id),
      unit_name text not null,
      period_from date not null,
      period_to date not null,
      total_minutes integer not null,
      activity_count integer not null,
      records jsonb not null,
      responsible_name text not null,
      handler_name text not null,
      issued_by integer not null references person(id),
      issued_at timestamptz not null default now(),
      revoked_at timestamptz,
      revoke_reason text
    );
    create index volunteer_certificate_person_idx on volunteer_certificate (person_id);
    create index volunteer_certificate_unit_idx on volunteer_certificate (unit_id);

    create sequence dual_report_slip_seq;
    create table dual_report (
      id integer generated always as identity primary key,
      person_id integer not null references person(id),
      partner_id integer not null references partner(id),
      address text not null,
      slip_no text not null unique,
      reported_at timestamptz not null default now(),
      ended_at timestamptz,
      end_reason text
    );
    create unique index dual_report_one_active on dual_report (person_id) where ended_at is null;
    create index dual_report_partner_idx on dual_report (partner_id);
    create table community_post (
      id integer generated always as identity primary key,
      partner_id integer not null references partner(id),
      title text not null,
      category text not null,
      description text not null default '',
      slots integer not null check (slots > 0),
      taken integer not null default 0,
      starts_on date not null,
      ends_on date not null,
      status text not null default 'open',
      created_by integer not null references person(id),
      created_at timestamptz not null default now(),
      check (taken >= 0 and taken <= slots)
    );
    create index community_post_partner_idx on community_post (partner_id);
    create table community_post_claim (
      id integer generated always as identity primary key,
      post_id integer not null references community_post(id),
      person_id integer not null references person(id),
      dual_report_id integer not null references dual_report(id),
      status text not null default 'claimed',
      claimed_at timestamptz not null default now(),
      served_on date,
      minutes integer,
      note text,
      served_at timestamptz,
      confirmed_at timestamptz,
      confirmed_by_name text,
      rating integer,
      feedback text,
      entry_id bigint references volunteer_hours_entry(id)
    );
    create unique index community_post_claim_one_live on community_post_claim (post_id, person_id) where status <> 'cancelled';
    create index community_post_claim_person_idx on community_post_claim (person_id);
  `,
  );
}
