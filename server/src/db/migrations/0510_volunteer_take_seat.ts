import { type Kysely, sql } from 'kysely';

/**
 * The sign-up decision as one database call, so a shift's row lock is held for microseconds rather than across
 * client round trips (see docs/volunteering.md, "报名高峰"). Plus a NOTIFY whenever a shift gets a free seat
 * again, so every server process forgets that the shift was full.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One statement each: execStatements would split the PL/pgSQL bodies at their semicolons.
  await sql
    .raw(`
    create function volunteer_take_seat(p_shift integer, p_person integer, p_waitlist boolean, p_events jsonb)
    returns table (out_signup_id integer, out_status text, out_refusal text)
    language plpgsql volatile as $$
    declare
      v_activity integer;
      v_id integer;
      v_status text := 'confirmed';
      v_event jsonb;
    begin
      -- One person's sign-ups queue on their volunteer row. In READ COMMITTED every statement below takes a
      -- fresh snapshot, so once the lock is ours the two checks see what that person's earlier sign-up wrote.
      perform 1 from volunteer where person_id = p_person for update;
      if exists (select 1 from volunteer_signup x where x.shift_id = p_shift and x.person_id = p_person
                 and x.status in ('confirmed', 'waiting')) then
        return query select null::integer, null::text, 'ALREADY_SIGNED_UP'::text; return;
      end if;
      if exists (select 1 from volunteer_signup o
                 join volunteer_shift os on os.id = o.shift_id
                 join volunteer_shift s on s.id = p_shift
                 where o.person_id = p_person and o.status in ('confirmed', 'waiting') and os.id <> s.id
                   and os.starts_at < s.ends_at and s.starts_at < os.ends_at) then
        return query select null::integer, null::text, 'OVERLAPPING_SHIFT'::text; return;
      end if;
      -- The only place a seat is won: the row lock makes racing requests re-check taken < capacity in turn.
      update volunteer_shift set taken = taken + 1 where id = p_shift and taken < capacity
        returning activity_id into v_activity;
      if not found then
        if not p_waitlist then
          return query select null::integer, null::text, 'SHIFT_FULL'::text; return;
        end if;
        v_status := 'waiting';
        select activity_id into v_activity from volunteer_shift where id = p_shift;
      end if;
      insert into volunteer_signup (shift_id, activity_id, person_id, status)
        values (p_shift, v_activity, p_person, v_status) returning id into v_id;
      -- The audit event and the notices were written by the application (auditRow, noticeRows); only the new
      -- sign-up's id is filled in here.
      v_event := p_events -> v_status;
      insert into audit_event (actor_person_id, actor_name, action, entity_type, entity_id, unit_path, before, after, reason)
        select a.actor_person_id, a.actor_name, a.action, a.entity_type, v_id::text, a.unit_path, a.before,
               a.after || jsonb_build_object('signupId', v_id), a.reason
        from jsonb_populate_record(null::audit_event, v_event -> 'audit') a;
      insert into notification (person_id, kind, title, body, link)
        select n.person_id, n.kind, n.title, n.body, n.link
        from jsonb_populate_recordset(null::notification, v_event -> 'notices') n;
      return query select v_id, v_status, null::text;
    end $$`)
    .execute(db);
  await sql
    .raw(`
    create function volunteer_shift_seat_freed() returns trigger language plpgsql as $$
    begin
      perform pg_notify('volunteer_seat_freed', new.id::text);
      return null;
    end $$`)
    .execute(db);
  await sql
    .raw(`
    create trigger volunteer_shift_seat_freed after update of taken, capacity on volunteer_shift
    for each row when (new.taken < old.taken or new.capacity > old.capacity)
    execute function volunteer_shift_seat_freed()`)
    .execute(db);
}
