/** Types and formatting of the measures registry's API (server/src/core/measures/measures.routes.ts). */
export interface MeasureInfo {
  key: string;
  module: string;
  name: string;
  nameEn: string;
  unit: 'count' | 'minutes' | 'fen' | 'ratio' | 'score';
  unitLabel: string;
  aggregate: 'count' | 'sum' | 'avg' | 'ratio';
  description: string;
  columns: { key: string; header: string }[];
}
export interface MeasureValue {
  measure: MeasureInfo;
  unit: { id: number; name: string };
  from: string;
  to: string;
  value: number | null;
  rowCount: number;
}
export interface MeasureRowsResult {
  items: Record<string, unknown>[];
  total: number;
  page: number;
  pageSize: number;
  columns: { key: string; header: string }[];
}

/** A value as people read it: 12.5%, 36.5 小时, ¥200.00, 4.62 分, 18. */
export function formatMeasure(unit: MeasureInfo['unit'], value: number | null, locale: 'zh' | 'en' = 'zh'): string {
  if (value === null) return '—';
  switch (unit) {
    case 'ratio':
      return `${(value * 100).toFixed(1)}%`;
    case 'minutes':
      return locale === 'en' ? `${(value / 60).toFixed(1)} h` : `${(value / 60).toFixed(1)} 小时`;
    case 'fen':
      return `¥${(value / 100).toFixed(2)}`;
    case 'score':
      return value.toFixed(2);
    default:
      return Number.isInteger(value) ? String(value) : value.toFixed(2);
  }
}

/** Default period: this calendar year. */
export function thisYear(): { from: string; to: string } {
  const y = new Date().getFullYear();
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}
