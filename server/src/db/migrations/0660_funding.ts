import type { Kysely } from 'kysely';
import { execStatements } from '../exec-statements';

/**
 * 经费保障 (docs/funding.md): the year's rules, the member counts frozen when a year's rules are confirmed, the
 * allocations down the tree, the expenses, the level above's decisions and the receipts. Everything but a
 * draft rule is append-only: triggers refuse UPDATE, DELETE and TRUNCATE, so a correction is a reversing row.
 * A second trigger refuses any row after which a unit's balance for the year would be negative.
 * (Function bodies stay on one line: execStatements splits the script on a semicolon ending a line.)
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(
    db,
    `
    create table funding_rule (
      year integer primary key check (year between 2000 and 2100),
      staff_rate_fen integer not null check (staff_rate_fen >= 0),
      student_rate_fen integer not null check (student_rate_fen >= 0),
      special_fund_fen integer not null check (special_fund_fen >= 0),
      approval_threshold_fen integer not null check (approval_threshold_fen >= 0),
      reference_date date not null,
      note text not null default '',
      updated_by integer references person(id),
      updated_at timestamptz not null default now(),
      confirmed_by integer references person(id),
      confirmed_at timestamptz
    );
    create function funding_rule_frozen() returns trigger language plpgsql as $$ begin if old.confirmed_at is not null then raise exception 'funding_rule % is confirmed and frozen (% refused)', old.year, tg_op; end if; if tg_op = 'DELETE' then return old; end if; return new; end $$;
    create trigger funding_rule_no_change before update or delete on funding_rule for each row execute function funding_rule_frozen();

    create table funding_rule_count (
      year integer not null references funding_rule(year),
      unit_id integer not null references org_unit(id),
      staff_members integer not null check (staff_members >= 0),
      student_members integer not null check (student_members >= 0),
      minimum_fen integer not null check (minimum_fen >= 0),
      counted_at timestamptz not null default now(),
      primary key (year, unit_id)
    );

    create table funding_allocation (
      id bigint generated always as identity primary key,
      year integer not null references funding_rule(year),
      from_unit_id integer references org_unit(id),
      to_unit_id integer not null references org_unit(id),
      purpose text not null check (purpose in ('standard', 'special')),
      amount_fen integer not null,
      allocated_on date not null,
      note text not null default '',
      reverses_id bigint unique references funding_allocation(id),
      recorded_by integer references person(id),
      recorded_at timestamptz not null default now(),
      check ((reverses_id is null and amount_fen > 0) or (reverses_id is not null and amount_fen < 0)),
      check (extract(year from allocated_on) = year),
      check (from_unit_id is null or from_unit_id <> to_unit_id)
    );
    create index funding_allocation_to_idx on funding_allocation (to_unit_id, year);
    create index funding_allocation_from_idx on funding_allocation (from_unit_id, year);

    create table funding_expense (
      id bigint generated always as identity primary key,
      year integer not null references funding_rule(year),
      unit_id integer not null references org_unit(id),
      category text not null check (category in ('activity', 'training', 'venue', 'publicity', 'care', 'research', 'other')),
      spent_on date not null,
      amount_fen integer not null,
      payee text not null,
      description text not null,
      activity_id integer references volunteer_activity(id),
      demand_id integer references demand(id),
      training_id integer,
      link_title text,
      needs_approval boolean not null,
      reverses_id bigint unique references funding_expense(id),
      reason text,
      recorded_by integer not null references person(id),
      recorded_at timestamptz not null default now(),
      check ((reverses_id is null and amount_fen > 0) or (reverses_id is not null and amount_fen < 0 and reason is not null)),
      check (extract(year from spent_on) = year)
    );
    create index funding_expense_unit_idx on funding_expense (unit_id, year);
    create index funding_expense_spent_idx on funding_expense (spent_on);

    create table funding_expense_decision (
      expense_id bigint primary key references funding_expense(id),
      decision text not null check (decision in ('approved', 'rejected')),
      reason text not null default '',
      decided_by integer not null references person(id),
      decided_at timestamptz not null default now()
    );

    create table funding_receipt (
      id integer generated always as identity primary key,
      expense_id bigint not null references funding_expense(id),
      file_name text not null,
      mime text not null,
      bytes integer not null check (bytes > 0),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      content bytea not null,
      uploaded_by integer not null references person(id),
      uploaded_at timestamptz not null default now(),
      unique (expense_id, sha256)
    );
    create index funding_receipt_hash_idx on funding_receipt (sha256);

    create function funding_append_only() returns trigger language plpgsql as $$ begin raise exception '% is append-only (% refused): record a reversing entry instead', tg_table_name, tg_op; end $$;
    create trigger funding_rule_count_no_change before update or delete on funding_rule_count for each row execute function funding_append_only();
    create trigger funding_allocation_no_change before update or delete on funding_allocation for each row execute function funding_append_only();
    create trigger funding_expense_no_change before update or delete on funding_expense for each row execute function funding_append_only();
    create trigger funding_decision_no_change before update or delete on funding_expense_decision for each row execute function funding_append_only();
    create trigger funding_receipt_no_change before update or delete on funding_receipt for each row execute function funding_append_only();
    create trigger funding_rule_count_no_truncate before truncate on funding_rule_count for each statement execute function funding_append_only();
    create trigger funding_allocation_no_truncate before truncate on funding_allocation for each statement execute function funding_append_only();
    create trigger funding_expense_no_truncate before truncate on funding_expense for each statement execute function funding_append_only();
    create trigger funding_decision_no_truncate before truncate on funding_expense_decision for each statement execute function funding_append_only();
    create trigger funding_receipt_no_truncate before truncate on funding_receipt for each statement execute function funding_append_only();

    create function funding_balance(p_unit integer, p_year integer) returns bigint language sql stable as $$ select coalesce((select sum(amount_fen) from funding_allocation where to_unit_id = p_unit and year = p_year), 0) - coalesce((select sum(amount_fen) from funding_allocation where from_unit_id = p_unit and year = p_year), 0) - coalesce((select sum(e.amount_fen) from funding_expense e left join funding_expense_decision d on d.expense_id = coalesce(e.reverses_id, e.id) where e.unit_id = p_unit and e.year = p_year and d.decision is distinct from 'rejected'), 0) $$;
    create function funding_allocation_balance_check() returns trigger language plpgsql as $$ declare v_unit integer := case when new.amount_fen > 0 then new.from_unit_id else new.to_unit_id end; begin if v_unit is not null and funding_balance(v_unit, new.year) < 0 then raise exception 'funding balance of unit % for % would be negative', v_unit, new.year using errcode = 'P0460'; end if; return new; end $$;
    create trigger funding_allocation_balance after insert on funding_allocation for each row execute function funding_allocation_balance_check();
    create function funding_expense_balance_check() returns trigger language plpgsql as $$ begin if new.amount_fen > 0 and funding_balance(new.unit_id, new.year) < 0 then raise exception 'funding balance of unit % for % would be negative', new.unit_id, new.year using errcode = 'P0460'; end if; return new; end $$;
    create trigger funding_expense_balance after insert on funding_expense for each row execute function funding_expense_balance_check();
    `,
  );
}
