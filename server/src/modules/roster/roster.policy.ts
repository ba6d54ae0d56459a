import { type Actor, can, scopePaths } from '../../core/actor';

/** Named, pure predicates for roster import and export. Scope: a grant on a unit covers its subtree. */

/** Whether the actor may import at all: `import.run` somewhere. */
export const canImportAnywhere = (actor: Actor) => scopePaths(actor, 'import.run').length > 0;

/** People may be imported into (or updated in) a unit under the actor's `import.run`. */
export const canImportPeopleInto = (actor: Actor, unitPath: string) => can(actor, 'import.run', unitPath);

/** Importing units creates organizations, so it also needs what creating one by hand needs: `org.manage` on the parent. */
export const canImportUnitsUnder = (actor: Actor, parentPath: string) =>
  can(actor, 'import.run', parentPath) && can(actor, 'org.manage', parentPath);

/** Phone and ID numbers show in full only to those who handle that unit's sensitive data. */
export const canSeeSensitive = (actor: Actor, unitPath: string) => can(actor, 'people.sensitive', unitPath);

/** The people export is the roster list on paper: it needs what the list needs, `people.view` somewhere. */
export const canExportPeople = (actor: Actor) => scopePaths(actor, 'people.view').length > 0;

export interface BatchRef {
  actorPersonId: number;
  status: string;
  errorCount: number;
}

/** A batch belongs to whoever uploaded it: it holds their file's personal data, so nobody else opens it. */
export const canViewBatch = (actor: Actor, batch: BatchRef) => batch.actorPersonId === actor.personId;

/** Only a previewed batch without a single error may be committed: a bad row imports nothing. */
export const canCommitBatch = (actor: Actor, batch: BatchRef) =>
  canViewBatch(actor, batch) && batch.status === 'previewed' && batch.errorCount === 0;

export const batchAbilities = (actor: Actor, batch: BatchRef) => ({ commit: canCommitBatch(actor, batch) });

/** The deepest path covering all of `paths` ('/1/5/7/' and '/1/5/9/' → '/1/5/'): where a batch is filed. */
export function commonPath(paths: string[]): string | null {
  if (paths.length === 0) return null;
  let common = paths[0].split('/').filter(Boolean);
  for (const p of paths.slice(1)) {
    const parts = p.split('/').filter(Boolean);
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i += 1;
    common = common.slice(0, i);
  }
  return common.length === 0 ? '/' : `/${common.join('/')}/`;
}
