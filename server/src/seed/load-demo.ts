import type { Kysely, Transaction } from 'kysely';
import { hashPassword } from '../core/auth/password';
import type { DB } from '../db/types';
import { DEMO_PASSWORD, type DemoSchool, type DemoSize, generateDemoSchool } from './demo-school';

/** Ids of what the core loader wrote, by the generator's keys, for module seeders to build on. */
export interface LoadedDemo {
  school: DemoSchool;
  unitIds: Map<string, number>;
  personIds: Map<string, number>;
  partnerIds: Map<string, number>;
  gridUnitIds: Map<string, number>;
}
export type DemoSeeder = (trx: Transaction<DB>, demo: LoadedDemo) => Promise<void>;

const CHUNK = 1000;
async function insertChunks<T>(items: T[], write: (chunk: T[]) => Promise<void>) {
  for (let i = 0; i < items.length; i += CHUNK) await write(items.slice(i, i + CHUNK));
}

/** Loads the demo school in one transaction: either all of it is there, or none of it. */
export async function loadDemoSchool(
  db: Kysely<DB>,
  size: DemoSize,
  seeders: DemoSeeder[] = [],
  log: (msg: string) => void = () => {},
): Promise<LoadedDemo> {
  const school = generateDemoSchool(size);
  const hashes = await Promise.all(school.accounts.map(() => hashPassword(DEMO_PASSWORD)));
  return db.transaction().execute(async (trx) => {
    const unitIds = new Map<string, number>();
    const paths = new Map<string, string>();
    for (const u of school.units) {
      const parentId = u.parentKey ? unitIds.get(u.parentKey)! : null;
      const parentPath = u.parentKey ? paths.get(u.parentKey)! : '/';
      const row = await trx
        .insertInto('org_unit')
        .values({
          parent_id: parentId,
          path: `${parentPath}new-${u.code}/`,
          depth: parentPath.split('/').filter(Boolean).length,
          type: u.type,
          branch_kind: u.branchKind,
          name: u.name,
          code: u.code,
          partner_id: null,
          closed_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const path = `${parentPath}${row.id}/`;
      await trx.updateTable('org_unit').set({ path }).where('id', '=', row.id).execute();
      unitIds.set(u.key, row.id);
      paths.set(u.key, path);
    }

    const partnerIds = new Map<string, number>();
    for (const p of school.partners) {
      const row = await trx
        .insertInto('partner')
        .values({
          name: p.name,
          kind: p.kind,
          owner_unit_id: unitIds.get(p.ownerUnitKey)!,
          address: p.address,
          contact_name: p.contactName,
          contact_phone: p.contactPhone,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      partnerIds.set(p.key, row.id);
    }
    for (const u of school.units.filter((x) => x.partnerKey)) {
      await trx
        .updateTable('org_unit')
        .set({ partner_id: partnerIds.get(u.partnerKey!)! })
        .where('id', '=', unitIds.get(u.key)!)
        .execute();
    }

    const personIds = new Map<string, number>();
    await insertChunks(school.people, async (chunk) => {
      const rows = await trx
        .insertInto('person')
        .values(
          chunk.map((p) => ({
            name: p.name,
            gender: p.gender,
            kind: p.kind,
            staff_no: p.staffNo,
            id_number: p.idNumber,
            phone: p.phone,
            political_status: p.politicalStatus,
            cadre_level: p.cadreLevel,
            fulltime_party_worker: p.fulltimePartyWorker,
            skills: p.skills,
            specialty: p.specialty,
            department: p.department,
            major: p.major,
            campus: p.campus,
            development_stage: p.developmentStage,
            unit_id: unitIds.get(p.unitKey)!,
            joined_party_on: p.joinedPartyOn,
          })),
        )
        .returning(['id', 'staff_no'])
        .execute();
      const byStaffNo = new Map(rows.map((r) => [r.staff_no, r.id]));
      for (const p of chunk) personIds.set(p.key, byStaffNo.get(p.staffNo)!);
    });

    const gridUnitIds = new Map<string, number>();
    await insertChunks(school.gridUnits, async (chunk) => {
      const rows = await trx
        .insertInto('grid_unit')
        .values(
          chunk.map((g) => ({
            name: g.name,
            kind: g.kind,
            owner_unit_id: unitIds.get(g.ownerUnitKey)!,
            campus: g.campus,
            covering_branch_id: g.coveringBranchKey ? unitIds.get(g.coveringBranchKey)! : null,
            contact_person_id: g.contactPersonKey ? personIds.get(g.contactPersonKey)! : null,
          })),
        )
        .returning('id')
        .execute();
      for (const [i, g] of chunk.entries()) gridUnitIds.set(g.key, rows[i].id);
    });

    await insertChunks(school.grants, async (chunk) => {
      await trx
        .insertInto('role_grant')
        .values(
          chunk.map((g) => ({
            person_id: personIds.get(g.personKey)!,
            role: g.role,
            unit_id: unitIds.get(g.unitKey)!,
            valid_from: '2026-01-01',
            valid_to: null,
            granted_by: null,
            revoked_at: null,
          })),
        )
        .execute();
    });

    await trx
      .insertInto('account')
      .values(
        school.accounts.map((a, i) => ({
          person_id: personIds.get(a.personKey)!,
          username: a.username,
          password_hash: hashes[i],
          is_system_admin: a.isSystemAdmin,
          locked_until: null,
        })),
      )
      .execute();

    const loaded = { school, unitIds, personIds, partnerIds, gridUnitIds };
    for (const seed of seeders) await seed(trx, loaded);
    log(
      `已载入演示学校：${school.units.length} 个组织，${school.people.length} 人，${school.gridUnits.length} 个网格单元`,
    );
    return loaded;
  });
}

export async function loadDemoSchoolIfEmpty(
  db: Kysely<DB>,
  size: DemoSize,
  log: (msg: string) => void = () => {},
  seeders: DemoSeeder[] = [],
): Promise<boolean> {
  const any = await db.selectFrom('org_unit').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  log('首次启动：正在载入演示学校……');
  await loadDemoSchool(db, size, seeders, log);
  return true;
}

const accounts = generateDemoSchool('small').accounts;
export const DEMO_ACCOUNTS_HELP = [
  `演示账号（密码均为 ${DEMO_PASSWORD}）：`,
  ...accounts.map((a) => `  ${a.username.padEnd(10)} ${a.label}`),
].join('\n');
