/** Tables of the volunteering module (Kysely types); the database interface in db/types.ts extends this. */
// biome-ignore lint/suspicious/noEmptyInterface: filled as the module grows.
export interface VolunteeringTables {}
