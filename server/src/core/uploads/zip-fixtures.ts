import { once } from 'node:events';
import * as zlib from 'node:zlib';

/**
 * Test builders for hostile .xlsx files, made in the test itself: a minimal zip writer whose parts are
 * streamed through deflate chunk by chunk, so a part that inflates to gigabytes costs the test only its
 * compressed size in memory (about 1 MB per GB of one repeated byte).
 */

export interface ZipPart {
  name: string;
  /** The part's bytes, produced lazily. */
  chunks: () => Iterable<Buffer>;
  /** The size written in the headers; the real size when omitted. A lying zip bomb sets it far smaller. */
  declaredSize?: number;
  /** One byte repeated: Z_RLE compresses it at the full deflate ratio in a fraction of the time. */
  runs?: boolean;
}

const crc32 = (data: Buffer, value: number) => (typeof zlib.crc32 === 'function' ? zlib.crc32(data, value) : 0); // Node < 20.15: no check value; readers here ignore it

async function deflatePart(part: ZipPart) {
  const deflate = zlib.createDeflateRaw(part.runs ? { level: 1, strategy: zlib.constants.Z_RLE } : { level: 6 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const ended = once(deflate, 'end');
  let crc = 0;
  let size = 0;
  for (const chunk of part.chunks()) {
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (!deflate.write(chunk)) await once(deflate, 'drain');
  }
  deflate.end();
  await ended;
  return { data: Buffer.concat(out), crc: crc >>> 0, size };
}

/** A zip (deflate, no zip64: every part under 4 GB) of the given parts. */
export async function zip(parts: ZipPart[]): Promise<Buffer> {
  const files: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const { data, crc, size } = await deflatePart(part);
    const declared = part.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(declared, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    files.push(local, name, data);
    central.push(entry, name);
    offset += local.length + name.length + data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...files, dir, end]);
}

const text = (s: string) => () => [Buffer.from(s, 'utf8')];

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

/** The parts every workbook has around its one sheet. */
function workbookParts(sheet: ZipPart): ZipPart[] {
  return [
    {
      name: '[Content_Types].xml',
      chunks: text(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          '</Types>',
      ),
    },
    {
      name: '_rels/.rels',
      chunks: text(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
          '</Relationships>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      chunks: text(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
          '<sheets><sheet name="名册" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      chunks: text(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
          '</Relationships>',
      ),
    },
    sheet,
  ];
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const rowXml = (r: number, cells: string[]) =>
  `<row r="${r}">${cells
    .map((v, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`)
    .join('')}</row>`;

/** A small, well-formed workbook made by this writer (the control: the guard and exceljs both accept it). */
export function smallWorkbook(rows: string[][]) {
  const xml = SHEET_HEAD + rows.map((cells, i) => rowXml(i + 1, cells)).join('') + SHEET_TAIL;
  return zip(workbookParts({ name: 'xl/worksheets/sheet1.xml', chunks: text(xml) }));
}

/**
 * A zip bomb: a sheet that is `inflatedMb` MB of spaces inside otherwise valid XML. With `declaredBytes` its
 * headers lie about the size, so only inflating it shows what it is.
 */
export function bombWorkbook(inflatedMb: number, declaredBytes?: number) {
  const block = Buffer.alloc(1024 * 1024, 0x20);
  const sheet: ZipPart = {
    name: 'xl/worksheets/sheet1.xml',
    chunks: function* () {
      yield Buffer.from(SHEET_HEAD);
      for (let i = 0; i < inflatedMb; i += 1) yield block;
      yield Buffer.from(SHEET_TAIL);
    },
    declaredSize: declaredBytes,
    runs: true,
  };
  return zip(workbookParts(sheet));
}

/** A sheet of `rows` data rows under a header row (each row a number cell), streamed as it is compressed. */
export function manyRowsWorkbook(rows: number, header: string[]) {
  const sheet: ZipPart = {
    name: 'xl/worksheets/sheet1.xml',
    chunks: function* () {
      yield Buffer.from(SHEET_HEAD + rowXml(1, header));
      const batch: string[] = [];
      for (let r = 2; r <= rows + 1; r += 1) {
        batch.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
        if (batch.length === 10_000) yield Buffer.from(batch.splice(0).join(''));
      }
      yield Buffer.from(batch.join('') + SHEET_TAIL);
    },
  };
  return zip(workbookParts(sheet));
}
