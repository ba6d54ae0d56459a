import type { Kysely } from 'kysely';
import { execStatements } from '../exec-statements';

/**
 * A member asks for a volunteering certificate over a period (volunteering/certificate-requests.*): either each
 * unit that recorded hours issues its part, or the school issues one over all counted hours. A part is issued
 * when its unit issues the certificate (found by person, unit and period), or declined with a reason.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(
    db,
    `
    create table certificate_request (
      id integer generated always as identity primary key,
      person_id integer not null references person(id),
      scope text not null check (scope in ('per_unit', 'school')),
      period_from date not null,
      period_to date not null,
      purpose text not null default '',
      created_at timestamptz not null default now(),
      withdrawn_at timestamptz
    );
    create index certificate_request_person_idx on certificate_request (person_id, id desc);

    create table certificate_request_part (
      id integer generated always as identity primary key,
      request_id integer not null references certificate_request(id),
      unit_id integer not null references org_unit(id),
      minutes integer not null,
      declined_at timestamptz,
      decline_reason text,
      declined_by integer references person(id),
      unique (request_id, unit_id)
    );
    create index certificate_request_part_unit_idx on certificate_request_part (unit_id);
    `,
  );
}
