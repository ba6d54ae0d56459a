import type { DemoPerson } from '../../seed/demo-school';
import type { LoadedDemo } from '../../seed/load-demo';

/** Helpers for tests that need demo people and units by name rather than by database id. */

export const demoPersonKey = (demo: LoadedDemo, username: string) => {
  const account = demo.school.accounts.find((a) => a.username === username);
  if (!account) throw new Error(`演示账号 ${username} 不存在`);
  return account.personKey;
};
export const demoPersonId = (demo: LoadedDemo, username: string) => demo.personIds.get(demoPersonKey(demo, username))!;
export const demoUnitId = (demo: LoadedDemo, unitKey: string) => {
  const id = demo.unitIds.get(unitKey);
  if (id === undefined) throw new Error(`演示组织 ${unitKey} 不存在`);
  return id;
};

/** The unit keys of `unitKey` and everything below it. */
export function demoSubtree(demo: LoadedDemo, unitKey: string): Set<string> {
  const keys = new Set([unitKey]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of demo.school.units) {
      if (u.parentKey && keys.has(u.parentKey) && !keys.has(u.key)) {
        keys.add(u.key);
        grew = true;
      }
    }
  }
  return keys;
}

export const demoPeopleUnder = (demo: LoadedDemo, unitKey: string): DemoPerson[] => {
  const keys = demoSubtree(demo, unitKey);
  return demo.school.people.filter((p) => keys.has(p.unitKey));
};

/** Demo people nobody signs in as, so tests may change them freely. */
export function demoPlainPeople(demo: LoadedDemo, unitKey: string, filter: (p: DemoPerson) => boolean = () => true) {
  const named = new Set(demo.school.accounts.map((a) => a.personKey));
  const holders = new Set(demo.school.grants.filter((g) => g.role !== 'member').map((g) => g.personKey));
  return demo.school.people.filter(
    (p) => p.unitKey === unitKey && !named.has(p.key) && !holders.has(p.key) && filter(p),
  );
}
