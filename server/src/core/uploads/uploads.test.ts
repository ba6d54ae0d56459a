import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoFacts, PEOPLE_HEADERS, personRow, upload } from '../../modules/roster/roster.fixtures';
import { type Client, describeOnEngines } from '../../test/harness';
import { UPLOAD_KINDS, XLSX_LIMITS } from './limits';
import { inspectXlsx } from './xlsx-guard';
import { bombWorkbook, manyRowsWorkbook, smallWorkbook } from './zip-fixtures';

const MB = 1024 * 1024;
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const JPEG = Buffer.from('ffd8ffe000104a464946', 'hex');
/** An image of `bytes` bytes: the real signature, then noise (so nothing compresses it away). */
const image = (signature: Buffer, bytes: number) => Buffer.concat([signature, randomBytes(bytes - signature.length)]);

function photoForm(fileName: string, type: string, content: Buffer) {
  const boundary = `----pioneer${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('the .xlsx inspection (no server)', () => {
  it('passes a well-formed workbook that exceljs then reads, and refuses a zip that is no workbook', async () => {
    const file = await smallWorkbook([['姓名'], ['张三']]);
    await expect(inspectXlsx(file)).resolves.toBeUndefined();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    expect(workbook.worksheets[0].getCell('A2').value).toBe('张三');
    await expect(inspectXlsx(Buffer.from('PK\u0003\u0004 not really a zip'))).rejects.toMatchObject({ status: 400 });
  });
});

describeOnEngines('upload limits', (t) => {
  let branch: string;
  let zhibu: Client;
  beforeAll(async () => {
    branch = demoFacts(t().demo).grantUnitOf('zhibu').code;
    zhibu = await t().as('zhibu');
  });

  /** Runs `work` while polling /api/health and sampling RSS; returns the peak growth and health answers seen. */
  async function watched<T>(work: () => Promise<T>) {
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    let done = false;
    let healthy = 0;
    const poll = (async () => {
      while (!done) {
        const res = await t().anonymous.get('/api/health');
        if (res.status === 200 && res.body.status === 'ok') healthy += 1;
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    try {
      const result = await work();
      return { result, growthMb: (Math.max(peak, process.memoryUsage().rss) - before) / MB, healthy };
    } finally {
      done = true;
      clearInterval(sampler);
      await poll;
    }
  }

  it('imports a workbook made by the same zip writer the hostile files below use (the control)', async () => {
    const row = personRow(1, branch);
    const file = await smallWorkbook([PEOPLE_HEADERS, PEOPLE_HEADERS.map((h) => row[h] ?? '')]);
    const res = await upload(zhibu, 'kind=people', file);
    expect([res.status, res.body.total, res.body.errorCount]).toEqual([201, 1, 0]);
  });

  it('refuses a zip bomb, a million-row sheet and a disguised image with 400/413 in Chinese, memory bounded and /api/health answering', async () => {
    const honestBomb = await bombWorkbook(1536); // 1.5 GB of sheet in about 1.5 MB
    const lyingBomb = await bombWorkbook(1024, 48 * MB); // says 48 MB, inflates to 1 GB
    const millionRows = await manyRowsWorkbook(1_000_000, PEOPLE_HEADERS);
    const disguised = image(PNG, 20 * MB);
    expect(honestBomb.length).toBeLessThan(2 * MB);
    expect(millionRows.length).toBeLessThan(UPLOAD_KINDS.xlsx.maxBytes);

    const { result, growthMb, healthy } = await watched(async () => ({
      honestBomb: await upload(zhibu, 'kind=people', honestBomb),
      lyingBomb: await upload(zhibu, 'kind=people', lyingBomb),
      millionRows: await upload(zhibu, 'kind=people', millionRows),
      disguised: await upload(zhibu, 'kind=people', disguised, '名册.xlsx'),
      smallDisguised: await upload(zhibu, 'kind=people', image(PNG, MB), '名册.xlsx'),
    }));
    const answer = (r: { status: number; body: { error: { code: string; message: string } } }) => [
      r.status,
      r.body.error.code,
      r.body.error.message,
    ];
    expect(answer(result.honestBomb)).toEqual([
      413,
      'UPLOAD_TOO_LARGE',
      expect.stringMatching(/^file：文件解压后超过 96 MB/),
    ]);
    expect(answer(result.lyingBomb)).toEqual([400, 'VALIDATION', 'file：文件已损坏或不是有效的 Excel (.xlsx) 文件']);
    expect(answer(result.millionRows)).toEqual([
      413,
      'UPLOAD_TOO_LARGE',
      `file：工作表超过 ${XLSX_LIMITS.maxRows} 行的上限，请分批导入`,
    ]);
    expect(answer(result.disguised)).toEqual([413, 'UPLOAD_TOO_LARGE', 'file：Excel 文件（.xlsx）不能超过 10 MB']);
    expect(answer(result.smallDisguised)).toEqual([
      400,
      'VALIDATION',
      'file：文件内容不是Excel 文件（.xlsx）（实际是 PNG），请检查后重新上传',
    ]);
    console.log(
      `upload limits [${t().engine}]: RSS grew ${growthMb.toFixed(0)} MB at most; /api/health answered ${healthy}× meanwhile`,
    );
    expect(growthMb).toBeLessThan(300);
    expect(healthy).toBeGreaterThan(0);
    expect((await t().anonymous.get('/api/health')).body.status).toBe('ok');
  }, 120_000);

  it('holds demand photos to the same rules: size cap, content by its bytes, a clean file name', async () => {
    const need = await t().database.db.selectFrom('demand').select('id').orderBy('id').executeTakeFirstOrThrow();
    const dangyuan = await t().as('dangyuan');
    const send = (name: string, type: string, content: Buffer) =>
      dangyuan.inject({ method: 'POST', url: `/api/demands/${need.id}/photos`, ...photoForm(name, type, content) });
    const big = await send('大.jpg', 'image/jpeg', image(JPEG, 6 * MB));
    expect([big.status, big.body.error.message]).toEqual([413, 'file：照片不能超过 5 MB']);
    const sheet = await send('表.png', 'image/png', await smallWorkbook([['x']]));
    expect([sheet.status, sheet.body.error.message]).toEqual([
      400,
      'file：文件内容不是照片（实际是 XLSX），请检查后重新上传',
    ]);
    const nul = await send('a\u0000.png', 'image/png', PNG);
    expect([nul.status, nul.body.error.details[0].path]).toEqual([400, 'file']);
    expect(nul.body.error.message).toContain('U+0000');
    const notForm = await dangyuan.post(`/api/demands/${need.id}/photos`, { file: 'x' });
    expect([notForm.status, notForm.body.error.details[0].path]).toEqual([400, 'file']);
  });
});
