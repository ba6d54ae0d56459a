import { useMutation } from '@tanstack/react-query';
import { apiErrorFrom, post, writeHeaders } from '../../api';

/** Shapes of the roster module's API (server/src/modules/roster) as the import wizard reads them. */
export type ImportKind = 'people' | 'units';
export type ImportMode = 'create_only' | 'upsert';

export interface RowError {
  /** The Excel row number, as the person sees it in their spreadsheet. */
  row: number;
  /** The Chinese column header. */
  column: string;
  message: string;
  code?: 'EXISTS';
}
export type ParsedRow = Record<string, unknown> & { row: number };

/** POST /api/roster/imports answers with the preview; nothing has been written to the roster yet. */
export interface ImportPreview {
  id: number;
  kind: ImportKind;
  mode: ImportMode;
  fileName: string;
  status: 'previewed' | 'failed';
  total: number;
  valid: number;
  errorCount: number;
  errors: RowError[];
  rows: ParsedRow[];
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  /** Rows refused only because the record exists (create-only mode); `suggestedMode` then says 'upsert'. */
  alreadyThere: number;
  suggestedMode: ImportMode | null;
  abilities: { commit: boolean };
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  grantsCreated?: number;
  grantsEnded?: number;
}

export function uploadRoster(kind: ImportKind, mode: ImportMode, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return post<ImportPreview>(`/api/roster/imports?kind=${kind}&mode=${mode}`, form);
}

/**
 * The rows of `file` that fail the checks, as typed, with a 错误原因 column: the server checks the file again
 * and keeps nothing, so the wizard sends the same file once more.
 */
export async function downloadRejected(kind: ImportKind, mode: ImportMode, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await fetch(`/api/roster/imports/rejected.xlsx?kind=${kind}&mode=${mode}`, {
    method: 'POST',
    body: form,
    headers: writeHeaders(),
    credentials: 'same-origin',
  });
  if (!res.ok) throw apiErrorFrom(res.status, await res.json().catch(() => null));
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await res.blob());
  a.download = `未通过的行_${file.name}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

export interface CommitProgress {
  done: number;
  total: number;
}
type Committed = ImportResult & { id: number; status: 'committed' };

/**
 * Commits a batch and follows its progress on the same response (NDJSON lines). Polling a second request
 * cannot work on the embedded database: the commit's transaction holds its only connection until it ends.
 */
export async function commitWithProgress(id: number, onProgress: (p: CommitProgress) => void): Promise<Committed> {
  const res = await fetch(`/api/roster/imports/${id}/commit`, {
    method: 'POST',
    headers: { accept: 'application/x-ndjson', ...writeHeaders() },
    credentials: 'same-origin',
  });
  if (!res.ok || !res.body) throw apiErrorFrom(res.status, await res.json().catch(() => null));
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let outcome: { result?: Committed; error?: { status: number } } | null = null;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (!line) continue;
      const message = JSON.parse(line);
      if (message.progress) onProgress(message.progress);
      else outcome = message;
    }
  }
  if (outcome?.result) return outcome.result;
  throw apiErrorFrom(outcome?.error?.status ?? 500, outcome);
}

export function useCommitImport() {
  return useMutation({
    mutationFn: ({ id, onProgress }: { id: number; onProgress: (p: CommitProgress) => void }) =>
      commitWithProgress(id, onProgress),
  });
}
