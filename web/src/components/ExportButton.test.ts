import { describe, expect, it } from 'vitest';
import { exportHref, fileNameOf } from './ExportButton';

describe('export links', () => {
  it('builds the xlsx address from the list’s filters plus fixed parameters', () => {
    expect(exportHref('/api/audit.xlsx', 'from=2026-01-01&unitId=3', { order: 'asc' })).toBe(
      '/api/audit.xlsx?from=2026-01-01&unitId=3&order=asc',
    );
    expect(exportHref('/api/x.xlsx', '', {})).toBe('/api/x.xlsx');
    expect(exportHref('/api/x.xlsx?a=1', 'b=2')).toBe('/api/x.xlsx?a=1&b=2');
  });
  it('takes the Chinese file name from filename*, else the ASCII one', () => {
    const cd = `attachment; filename="audit.xlsx"; filename*=UTF-8''${encodeURIComponent('审计日志.xlsx')}`;
    expect(fileNameOf(cd)).toBe('审计日志.xlsx');
    expect(fileNameOf('attachment; filename="a.xlsx"')).toBe('a.xlsx');
    expect(fileNameOf(null)).toBeNull();
  });
});
