/**
 * Every upload limit of the platform, in one place. A new upload picks a kind here (or adds one) and reads the
 * file through `readUpload` (read-upload.ts); app.ts registers multipart with MULTIPART_LIMITS.
 */

const MB = 1024 * 1024;

/** What the content of a file turned out to be, by its first bytes (sniff.ts). */
export type ContentType = 'xlsx' | 'jpeg' | 'png' | 'gif' | 'webp' | 'pdf';

export interface UploadKind {
  /** The file in words, for messages: 「Excel 文件」. */
  label: string;
  /** Largest file accepted, in bytes, before any unpacking. */
  maxBytes: number;
  /** The contents accepted, judged by the file's bytes, not by its name or declared type. */
  accepts: readonly ContentType[];
  /** Declared types accepted as well (a browser's label must at least claim the right family). */
  declared?: readonly string[];
}

export const UPLOAD_KINDS = {
  /** Roster imports: a 50,000-row people sheet made by Excel is about 3.5 MB. */
  xlsx: { label: 'Excel 文件（.xlsx）', maxBytes: 10 * MB, accepts: ['xlsx'] },
  /** Service photos of a need. */
  photo: {
    label: '照片',
    maxBytes: 5 * MB,
    accepts: ['jpeg', 'png', 'webp', 'gif'],
    declared: ['image/jpeg', 'image/jpg', 'image/png', 'image/webp', 'image/gif'],
  },
  /** Receipts of an expense (经费保障): a photo or a scanned PDF invoice. */
  receipt: {
    label: '票据（图片或 PDF）',
    maxBytes: 5 * MB,
    accepts: ['jpeg', 'png', 'webp', 'pdf'],
    declared: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
  },
} as const satisfies Record<string, UploadKind>;

/**
 * An .xlsx is a zip, and a small zip can inflate to gigabytes. Before exceljs sees a file, its zip is read as a
 * stream (xlsx-guard.ts) and refused past any of these. A 50,000-row people sheet inflates to about 35 MB
 * (sheet 31 MB, shared strings 4 MB) with about 850,000 cells; exceljs then holds it in about 500 MB.
 */
export const XLSX_LIMITS = {
  maxEntries: 500,
  /** Largest single part (a sheet's XML, the shared strings), inflated. */
  maxEntryBytes: 64 * MB,
  /** All parts together, inflated. */
  maxTotalBytes: 96 * MB,
  /** Rows of one sheet, the header row not counted. */
  maxRows: 50_000,
  /** Cells of one sheet: what bounds exceljs's memory once the bytes are bounded. */
  maxCells: 1_200_000,
};

/** @fastify/multipart's limits for every request (a route's kind narrows fileSize further). */
export const MULTIPART_LIMITS = {
  fileSize: Math.max(...Object.values(UPLOAD_KINDS).map((k) => k.maxBytes)),
  files: 1,
  fields: 10,
  fieldSize: 64 * 1024,
  fieldNameSize: 100,
  parts: 12,
  headerPairs: 50,
};

export const megabytes = (bytes: number) => `${Math.round(bytes / MB)} MB`;
