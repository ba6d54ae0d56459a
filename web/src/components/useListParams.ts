import { useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The state of an office list lives in the address bar, so a link opens the same list and the Excel export
 * can be built from exactly what the table shows:
 *
 *   const list = useListParams(['q', 'unitId', 'from', 'to'], { pageSize: 20 });
 *   useQuery({ queryKey: ['x', list.query], queryFn: () => get(`/api/x?${list.query}`) });
 *   <FilterBar list={list} fields={[…]} />
 *   <OfficeTable list={list} … />  <ExportButton url="/api/x.xlsx" list={list} />
 *
 * `filters` are the named keys only; `query` adds page, pageSize, sort and order for the list route;
 * `exportQuery` is the filters and the sort without paging (what the `.xlsx` route takes).
 */
export interface ListParams {
  filters: Record<string, string>;
  page: number;
  pageSize: number;
  sort?: string;
  order?: 'asc' | 'desc';
  query: string;
  exportQuery: string;
  setFilter(key: string, value: string | undefined | null): void;
  setFilters(values: Record<string, string | undefined | null>): void;
  setPage(page: number, pageSize: number): void;
  setSort(sort: string | undefined, order: 'asc' | 'desc' | undefined): void;
  reset(): void;
}

export function useListParams(
  keys: readonly string[],
  defaults: { pageSize?: number; filters?: Record<string, string> } = {},
): ListParams {
  const [params, setParams] = useSearchParams();
  const keyList = keys.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyList stands for keys
  return useMemo(() => {
    const filters: Record<string, string> = {};
    for (const k of keys) {
      const v = params.get(k);
      if (v !== null && v !== '') filters[k] = v;
      else if (!params.has(k) && defaults.filters?.[k]) filters[k] = defaults.filters[k];
    }
    const page = Number(params.get('page')) || 1;
    const pageSize = Number(params.get('pageSize')) || defaults.pageSize || 20;
    const sort = params.get('sort') || undefined;
    const orderRaw = params.get('order');
    const order = orderRaw === 'asc' || orderRaw === 'desc' ? orderRaw : undefined;
    const base = new URLSearchParams(filters);
    if (sort) base.set('sort', sort);
    if (order) base.set('order', order);
    const exportQuery = base.toString();
    const paged = new URLSearchParams(base);
    paged.set('page', String(page));
    paged.set('pageSize', String(pageSize));
    const setFilters = (values: Record<string, string | undefined | null>) =>
      setParams((p) => {
        for (const [k, v] of Object.entries(values)) {
          // An explicit empty value overrides a default (e.g. "whole scope" instead of the current unit).
          if (v === undefined || v === null) {
            if (defaults.filters?.[k]) p.set(k, '');
            else p.delete(k);
          } else p.set(k, v);
        }
        p.delete('page');
        return p;
      });
    return {
      filters,
      page,
      pageSize,
      sort,
      order,
      query: paged.toString(),
      exportQuery,
      setFilter: (key, value) => setFilters({ [key]: value }),
      setFilters,
      setPage: (next, size) =>
        setParams((p) => {
          p.set('page', String(size === pageSize ? next : 1));
          p.set('pageSize', String(size));
          return p;
        }),
      setSort: (s, o) =>
        setParams((p) => {
          if (s && o) {
            p.set('sort', s);
            p.set('order', o);
          } else {
            p.delete('sort');
            p.delete('order');
          }
          p.delete('page');
          return p;
        }),
      reset: () => setParams(new URLSearchParams()),
    };
  }, [params, setParams, keyList, defaults.pageSize, JSON.stringify(defaults.filters ?? {})]);
}
