/** Tables of the service-demands module (Kysely types); the database interface in db/types.ts extends this. */
// biome-ignore lint/suspicious/noEmptyInterface: filled as the module grows.
export interface ServiceDemandTables {}
