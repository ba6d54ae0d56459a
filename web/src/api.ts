/** The one way pages talk to the server: JSON in and out, the session cookie, and the CSRF header on writes. */
export interface ApiErrorBody {
  error: { code: string; message: string; details: unknown };
}
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
  }
  /** Field → message, for putting validation errors next to form fields. */
  fieldErrors(): Record<string, string> {
    const list = Array.isArray(this.details) ? (this.details as { path?: string; message?: string }[]) : [];
    return Object.fromEntries(list.filter((d) => d.path).map((d) => [d.path!, d.message ?? '']));
  }
}

let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

/** Headers a state-changing request needs besides its body: the session's CSRF token. */
export const writeHeaders = (): Record<string, string> => (csrfToken ? { 'x-csrf-token': csrfToken } : {});

// Field names a validation message may start with, said the way a person would read them.
const FIELD_LABELS: Record<string, string> = {
  title: '标题',
  description: '描述',
  trackingCode: '查询码',
  categoryId: '类别',
  audience: '需求类型',
  channel: '登记方式',
  requesterName: '需求人姓名',
  requesterPhone: '手机号',
  phone: '手机号',
  email: '邮箱',
  neededOn: '需要日期',
  username: '用户名',
  password: '密码',
  code: '签到码',
  score: '评分',
  comment: '意见',
  reason: '原因',
  note: '说明',
  name: '名称',
  unitId: '组织',
  personIds: '党员',
  q: '搜索词',
};

/**
 * The server's validation messages start with the field's path (`onBehalf.audience：无效选项`), which means
 * nothing to a person: say the field in Chinese when we know it, otherwise leave just the problem.
 */
export function humanMessage(message: string): string {
  const m = /^([A-Za-z_][\w.[\]]*)：(.*)$/s.exec(message);
  if (!m) return message;
  const last =
    m[1]
      .split('.')
      .pop()
      ?.replace(/\[\d+\]$/, '') ?? '';
  const label = FIELD_LABELS[last];
  return label && !m[2].includes(label) ? `${label}：${m[2]}` : m[2];
}

/** Turns a non-2xx JSON answer into an ApiError with the server's Chinese message. */
export function apiErrorFrom(status: number, data: unknown): ApiError {
  const err = (data as ApiErrorBody | null)?.error;
  const message = err?.message ? humanMessage(err.message) : `请求失败（${status}）`;
  return new ApiError(status, err?.code ?? 'HTTP', message, err?.details ?? null);
}

export async function api<T = unknown>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET') Object.assign(headers, writeHeaders());
  const res = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' });
  const type = res.headers.get('content-type') ?? '';
  const data = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) throw apiErrorFrom(res.status, data);
  return data as T;
}

export const get = <T = unknown>(url: string) => api<T>('GET', url);
export const post = <T = unknown>(url: string, body?: unknown) => api<T>('POST', url, body ?? {});
export const put = <T = unknown>(url: string, body?: unknown) => api<T>('PUT', url, body ?? {});
export const del = <T = unknown>(url: string) => api<T>('DELETE', url);

/** What GET /api/me returns. */
export interface Me {
  person: { id: number; name: string; unitId: number; unitName: string };
  username: string;
  isSystemAdmin: boolean;
  roles: { grantId: number; role: string; roleLabel: string; unitId: number; unitName: string; unitPath: string }[];
  scopes: Record<string, string[]>;
  csrfToken: string;
}
