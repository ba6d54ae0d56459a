import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { apiErrorFrom } from '../api';
import { useMessages } from '../i18n';
import { componentMessages } from './messages';
import type { ListParams } from './useListParams';

/**
 * 导出 Excel: downloads `url` with the list's current filters and sort (no paging), so the file holds exactly
 * the rows the filters show. `<ExportButton url="/api/audit.xlsx" list={list} />`. `query` adds fixed
 * parameters the page does not keep in the address bar. A refusal shows the server's Chinese message.
 */
export function ExportButton({
  url,
  list,
  query,
  label,
  testId = 'export-xlsx',
}: {
  url: string;
  list?: Pick<ListParams, 'exportQuery'>;
  query?: Record<string, string | undefined>;
  label?: string;
  testId?: string;
}) {
  const t = useMessages(componentMessages);
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const href = exportHref(url, list?.exportQuery ?? '', query);
  const download = async () => {
    setBusy(true);
    try {
      const res = await fetch(href, { credentials: 'same-origin' });
      if (!res.ok) throw apiErrorFrom(res.status, await res.json().catch(() => null));
      const blob = await res.blob();
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = fileNameOf(res.headers.get('content-disposition')) ?? 'export.xlsx';
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={download} data-testid={testId} data-href={href}>
      {label ?? t('export')}
    </Button>
  );
}

export function exportHref(url: string, exportQuery: string, extra?: Record<string, string | undefined>) {
  const q = new URLSearchParams(exportQuery);
  for (const [k, v] of Object.entries(extra ?? {})) if (v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `${url}${url.includes('?') ? '&' : '?'}${s}` : url;
}

/** The Chinese file name from RFC 5987 `filename*`, else the ASCII `filename`. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]);
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? null;
}
