import type { ColumnType, Generated } from 'kysely';
import type { Created, Json } from '../../db/types';

export interface ImportBatchTable {
  id: Generated<number>;
  kind: string;
  mode: string;
  actor_person_id: number;
  /** The deepest unit covering every unit the file references: where the batch's audit event is filed. */
  unit_path: string;
  file_name: string;
  status: ColumnType<string, string | undefined, string>;
  row_count: number;
  valid_count: number;
  error_count: number;
  errors: Json;
  /** The columns the file had: an update (upsert) changes only those, so a file without 手机号 keeps phones. */
  columns: Json;
  /** The parsed valid rows, waiting for the commit; emptied once committed so personal data is not kept twice. */
  rows: Json;
  /** What the commit wrote: { created, updated }. */
  result: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: Created;
  committed_at: string | null;
}

/** Tables of the roster module (Kysely types); the database interface in db/types.ts extends this. */
export interface RosterTables {
  import_batch: ImportBatchTable;
}
