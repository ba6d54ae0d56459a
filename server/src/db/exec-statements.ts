import { type Kysely, sql } from 'kysely';

/**
 * Runs a script of several statements one by one. PGlite's query() takes one statement at a time (extended
 * protocol), so migrations keep readable SQL scripts and split them here on statement-ending semicolons.
 */
export async function execStatements(db: Kysely<any>, script: string): Promise<void> {
  for (const statement of script.split(/;\s*\n/)) {
    if (statement.trim()) await sql.raw(statement).execute(db);
  }
}
