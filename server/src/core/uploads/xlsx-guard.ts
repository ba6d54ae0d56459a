import yauzl from 'yauzl';
import { AppError } from '../errors';
import { megabytes, XLSX_LIMITS } from './limits';

export const uploadTooLarge = (message: string) =>
  new AppError(413, 'UPLOAD_TOO_LARGE', `file：${message}`, [{ path: 'file', in: 'multipart', message }]);
export const notXlsx = (why = '文件不是有效的 Excel (.xlsx) 文件，请用 Excel 另存为 .xlsx 后重新上传') =>
  new AppError(400, 'VALIDATION', `file：${why}`, [{ path: 'file', in: 'multipart', message: why }]);

// An element of the sheet's XML, with or without a namespace prefix (some writers use <x:row>).
const ROW_TAG = /<(?:[A-Za-z_][\w.-]{0,30}:)?row[\s>/]/g;
const CELL_TAG = /<(?:[A-Za-z_][\w.-]{0,30}:)?c[\s>/]/g;
const CARRY = 40;
const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;

/** Counts the matches of `tag` in `text` that end past `from` (those before were counted with the last chunk). */
function countFrom(tag: RegExp, text: string, from: number) {
  let n = 0;
  tag.lastIndex = 0;
  for (let m = tag.exec(text); m; m = tag.exec(text)) if (m.index + m[0].length > from) n += 1;
  return n;
}

/**
 * Reads one part of the zip through to its end without keeping it: yauzl inflates it as a stream and stops with
 * an error as soon as it yields more bytes than its header declared (validateEntrySizes), so the sizes checked
 * before are the sizes exceljs will meet. A sheet's rows and cells are counted on the way.
 */
async function readPart(zip: yauzl.ZipFile, entry: yauzl.Entry, limits: typeof XLSX_LIMITS) {
  const stream = await zip.openReadStreamPromise(entry);
  const sheet = SHEET_PART.test(entry.fileName);
  let rows = 0;
  let cells = 0;
  let carry = '';
  try {
    for await (const chunk of stream) {
      if (!sheet) continue;
      const text = carry + (chunk as Buffer).toString('latin1');
      rows += countFrom(ROW_TAG, text, carry.length);
      cells += countFrom(CELL_TAG, text, carry.length);
      carry = text.slice(-CARRY);
      // The first row is the header.
      if (rows - 1 > limits.maxRows) throw uploadTooLarge(`工作表超过 ${limits.maxRows} 行的上限，请分批导入`);
      if (cells > limits.maxCells)
        throw uploadTooLarge(`工作表超过 ${limits.maxCells} 个单元格的上限，请删去多余的列或分批导入`);
    }
  } finally {
    stream.destroy();
  }
}

/**
 * Refuses an .xlsx whose zip would take the server down before exceljs ever loads it: more parts than any
 * workbook has, a part or the whole inflating past the limits (a zip bomb, including one whose headers lie
 * about its sizes), a sheet with more rows or cells than an import may have, or a zip that is no workbook.
 * Reads the zip's central directory — what exceljs (JSZip) reads too — and streams every part, so memory
 * stays at a few chunks whatever the file claims.
 */
export async function inspectXlsx(buffer: Buffer, limits = XLSX_LIMITS): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { validateEntrySizes: true });
  } catch {
    throw notXlsx();
  }
  let entries = 0;
  let total = 0;
  let workbook = false;
  try {
    for await (const entry of zip.eachEntry()) {
      entries += 1;
      if (entries > limits.maxEntries) throw notXlsx(`文件中的部件超过 ${limits.maxEntries} 个，不是正常的 Excel 文件`);
      if (entry.fileName.endsWith('/')) continue;
      if (entry.fileName === 'xl/workbook.xml') workbook = true;
      if (entry.uncompressedSize > limits.maxEntryBytes || total + entry.uncompressedSize > limits.maxTotalBytes)
        throw uploadTooLarge(
          `文件解压后超过 ${megabytes(limits.maxTotalBytes)}（单个部件上限 ${megabytes(limits.maxEntryBytes)}），可能是损坏或恶意的压缩文件`,
        );
      total += entry.uncompressedSize;
      if (!entry.canDecodeFileData()) throw notXlsx('文件已加密或使用了不支持的压缩方式，请另存为普通 .xlsx 文件');
      await readPart(zip, entry, limits);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    // A part that inflates past its declared size lands here too: the file is refused either way.
    throw notXlsx('文件已损坏或不是有效的 Excel (.xlsx) 文件');
  } finally {
    zip.close();
  }
  if (!workbook) throw notXlsx();
}
