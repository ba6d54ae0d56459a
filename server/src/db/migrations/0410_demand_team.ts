import type { Kysely } from 'kysely';
import { execStatements } from '../exec-statements';

/**
 * Needs claimed by a volunteer team (团队认领) and ratings credited to it. Plain integer columns: the team tables
 * belong to the volunteering module (a later migration), so there is no foreign key; the service checks the team.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(
    db,
    `
    alter table demand add column claim_team_id integer;
    create index demand_claim_team_idx on demand (claim_team_id) where claim_team_id is not null;
    alter table demand_rating add column team_id integer;
    create index demand_rating_team_idx on demand_rating (team_id) where team_id is not null;
  `,
  );
}
