/**
 * Roster import at scale: the large demo school's people (~30,000 rows) uploaded as one .xlsx and committed,
 * through app.inject on an in-memory PGlite. Baseline, measured in the same run: the same rows inserted
 * directly in chunks of 1000 (no parsing, no checks) inside a transaction that is rolled back.
 *
 *   npm run bench -- import      → one JSON line: {rows, previewMs, commitMs, rowsPerSecond, …}
 */
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { buildApp, MODULES } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import type { App } from '../server/src/core/module';
import { openDatabase } from '../server/src/db/database';
import { migrateToLatest } from '../server/src/db/migrate';
import { PEOPLE_COLUMNS, UNIT_COLUMNS } from '../server/src/modules/roster/roster.columns';
import { DEMO_PASSWORD, type DemoPerson, generateDemoSchool } from '../server/src/seed/demo-school';
import { loadDemoSchool } from '../server/src/seed/load-demo';

const log = (msg: string) => process.stderr.write(`${msg}\n`);
const label = (key: string, value: string) => {
  const column = PEOPLE_COLUMNS.find((c) => c.key === key) as { labels?: Record<string, string> };
  return Object.entries(column.labels ?? {}).find(([, v]) => v === value)?.[0] ?? value;
};

async function workbook(headers: string[], rows: (string | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('名册');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(content: Buffer) {
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="roster.xlsx"\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

type Upload = { payload?: Buffer; headers?: Record<string, string> };
async function call(app: App, auth: Record<string, string>, method: 'GET' | 'POST', url: string, extra: Upload = {}) {
  const res = await app.inject({ method, url, payload: extra.payload, headers: { ...auth, ...extra.headers } });
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body.slice(0, 500)}`);
  return res.json();
}

// The large school is imported into the small one: codes and numbers get an "L" so they do not collide.
const school = generateDemoSchool('large');
const L = (code: string) => `L${code}`;
const database = await openDatabase({});
await migrateToLatest(database.db);
const small = await loadDemoSchool(
  database.db,
  'small',
  MODULES.flatMap((m) => (m.seedDemo ? [m.seedDemo] : [])),
);
const rootCode = small.school.units.find((u) => u.parentKey === null)!.code;
const app = await buildApp(
  database,
  loadConfig({ ...process.env, PORT: '0', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv),
);
await app.ready();
const login = await app.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { username: 'zuzhibu', password: DEMO_PASSWORD },
});
const auth = { cookie: String(login.headers['set-cookie']).split(';')[0], 'x-csrf-token': login.json().csrfToken };

const codeOf = new Map(school.units.map((u) => [u.key, u.code]));
const units = school.units.filter((u) => u.parentKey !== null);
const unitsFile = await workbook(
  UNIT_COLUMNS.map((c) => c.header),
  units.map((u) => [
    u.name,
    L(u.code),
    { committee: '党委', general_branch: '党总支', direct_branch: '直属党支部', branch: '党支部' }[u.type],
    { staff: '教工', student: '学生', joint: '校地联建' }[u.branchKind ?? 'staff'],
    u.parentKey === school.units[0].key ? rootCode : L(codeOf.get(u.parentKey!)!),
  ]),
);
const unitPreview = await call(app, auth, 'POST', '/api/roster/imports?kind=units', multipart(unitsFile));
if (unitPreview.errorCount > 0) throw new Error(`组织导入有错误：${JSON.stringify(unitPreview.errors.slice(0, 5))}`);
await call(app, auth, 'POST', `/api/roster/imports/${unitPreview.id}/commit`);
log(`已导入 ${units.length} 个组织`);

const cell = (p: DemoPerson, key: string): string | null => {
  switch (key) {
    case 'staffNo':
      return `L${p.staffNo}`;
    case 'unitCode':
      return L(codeOf.get(p.unitKey)!);
    case 'skills':
      return p.skills.join('、');
    case 'fulltimePartyWorker':
      return p.fulltimePartyWorker ? '是' : '否';
    default: {
      const value = (p as unknown as Record<string, string | null>)[key];
      return value === null ? null : label(key, value);
    }
  }
};
const peopleFile = await workbook(
  PEOPLE_COLUMNS.map((c) => c.header),
  school.people.map((p) => PEOPLE_COLUMNS.map((c) => cell(p, c.key))),
);
log(`人员文件 ${school.people.length} 行，${(peopleFile.length / 1024 / 1024).toFixed(1)} MiB`);

let started = performance.now();
const preview = await call(app, auth, 'POST', '/api/roster/imports?kind=people', multipart(peopleFile));
const previewMs = Math.round(performance.now() - started);
if (preview.errorCount > 0) throw new Error(`人员导入有错误：${JSON.stringify(preview.errors.slice(0, 5))}`);
started = performance.now();
const committed = await call(app, auth, 'POST', `/api/roster/imports/${preview.id}/commit`);
const commitMs = Math.round(performance.now() - started);

// Baseline: the bare chunked inserts of the same rows, rolled back so the database is left as it was.
const unitIds = new Map(
  (await database.db.selectFrom('org_unit').select(['id', 'code']).execute()).map((u) => [u.code, u.id]),
);
started = performance.now();
await database.db
  .transaction()
  .execute(async (trx) => {
    for (let i = 0; i < school.people.length; i += 1000) {
      await trx
        .insertInto('person')
        .values(
          school.people.slice(i, i + 1000).map((p) => ({
            name: p.name,
            gender: p.gender,
            kind: p.kind,
            staff_no: `B${p.staffNo}`,
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
            unit_id: unitIds.get(L(codeOf.get(p.unitKey)!))!,
            joined_party_on: p.joinedPartyOn,
          })),
        )
        .execute();
    }
    throw new Error('rollback');
  })
  .catch((e) => {
    if ((e as Error).message !== 'rollback') throw e;
  });
const baselineInsertMs = Math.round(performance.now() - started);

await app.close();
await database.close();
console.log(
  JSON.stringify({
    rows: preview.total,
    previewMs,
    commitMs,
    rowsPerSecond: Math.round(preview.total / ((previewMs + commitMs) / 1000)),
    created: committed.created,
    baselineInsertMs,
  }),
);
