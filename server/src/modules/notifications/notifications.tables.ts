import type { Generated } from 'kysely';
import type { Created } from '../../db/types';

/** Tables of the notifications module (Kysely types); the database interface in db/types.ts extends this. */
export interface NotificationTable {
  id: Generated<number>;
  person_id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: Created;
  read_at: string | null;
}
export interface NotificationTables {
  notification: NotificationTable;
}
