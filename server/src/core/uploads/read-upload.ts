import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import { badTextReason, refuseBadText } from '../input-guard';
import { type ContentType, megabytes, UPLOAD_KINDS } from './limits';
import { MIME, sniff } from './sniff';
import { inspectXlsx, uploadTooLarge } from './xlsx-guard';

export type UploadKindName = keyof typeof UPLOAD_KINDS;

export interface Upload {
  /** The name the client gave, control characters removed, at most 200 characters. */
  fileName: string;
  /** What the bytes are (sniffed), and its MIME type — the type the platform stores and serves. */
  content: ContentType;
  mime: string;
  buffer: Buffer;
  /** Plain form fields sent before the file, already through the input guard. */
  fields: Record<string, string>;
}

const refused = (message: string) =>
  new AppError(400, 'VALIDATION', `file：${message}`, [{ path: 'file', in: 'multipart', message }]);

/** A multipart failure (a limit, a malformed form) as our error: never a 500, always in Chinese. */
function uploadError(error: unknown, kind: (typeof UPLOAD_KINDS)[UploadKindName]): AppError {
  if (error instanceof AppError) return error;
  const status = (error as { statusCode?: number }).statusCode;
  if (status === 413) return uploadTooLarge(`${kind.label}不能超过 ${megabytes(kind.maxBytes)}`);
  return refused('上传的表单格式不正确，请重新选择文件上传');
}

/**
 * The one way a route reads an uploaded file (field `file`, multipart/form-data). Applies the kind's size cap
 * while the bytes arrive, runs the file name and form fields through the input guard, judges the content by
 * its bytes (a photo renamed .xlsx is refused), and for .xlsx inspects the zip before anything unpacks it.
 */
export async function readUpload(request: FastifyRequest, kindName: UploadKindName): Promise<Upload> {
  const kind = UPLOAD_KINDS[kindName];
  if (!request.isMultipart()) throw refused(`请以表单（multipart/form-data）方式上传${kind.label}`);
  let buffer: Buffer;
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    part = await request.file({ limits: { fileSize: kind.maxBytes } });
    if (!part) throw refused(`请选择要上传的${kind.label}`);
    buffer = await part.toBuffer();
    if (part.file.truncated) throw uploadTooLarge(`${kind.label}不能超过 ${megabytes(kind.maxBytes)}`);
  } catch (error) {
    throw uploadError(error, kind);
  }
  const nameProblem = badTextReason(part.filename);
  if (nameProblem) throw refused(`文件名${nameProblem}`);
  const fields: Record<string, string> = {};
  for (const [name, field] of Object.entries(part.fields)) {
    const one = Array.isArray(field) ? field[0] : field;
    if (one?.type !== 'field') continue;
    refuseBadText(name, 'file');
    refuseBadText(one.value, name);
    fields[name] = String(one.value);
  }

  if (buffer.length === 0) throw refused('文件是空的');
  const declared = 'declared' in kind ? (kind.declared as readonly string[]) : null;
  if (declared && !declared.includes(part.mimetype))
    throw refused(`${kind.label}只支持 ${kind.accepts.map((c) => c.toUpperCase()).join('、')} 格式`);
  const content = sniff(buffer);
  if (!content || !(kind.accepts as readonly ContentType[]).includes(content))
    throw refused(`文件内容不是${kind.label}${content ? `（实际是 ${content.toUpperCase()}）` : ''}，请检查后重新上传`);
  if (content === 'xlsx') await inspectXlsx(buffer);

  const fileName = part.filename
    .replace(/\p{Cc}+/gu, ' ')
    .trim()
    .slice(0, 200);
  return { fileName, content, mime: MIME[content], buffer, fields };
}
