import { DownloadOutlined, SwapOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Space } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMessages } from '../../i18n';
import { useSession } from '../../session';
import { useIsMobile } from '../../shell/useIsMobile';
import { hasPermission } from '../types';
import { peopleMessages } from './messages';
import { PeopleFilters } from './PeopleFilters';
import { PeopleCards, PeopleTable } from './PeopleResults';
import {
  FILTER_KEYS,
  type FilterKey,
  type Filters,
  filterQuery,
  type PeopleSort,
  sortQuery,
  usePeople,
} from './people-api';

const DEFAULT_PAGE_SIZE = 20;

/**
 * /people: the roster in the viewer's scope. Filters live in the address bar, so a link such as
 * `/people?unitId=12&fulltimePartyWorker=true` opens a ready-made list; without `unitId` the list starts at the
 * shell's current unit (an empty `unitId=` means the whole scope).
 */
export function PeopleListPage() {
  const t = useMessages(peopleMessages);
  const mobile = useIsMobile();
  const { me, currentUnit } = useSession();
  const [params, setParams] = useSearchParams();
  const [resetCount, setResetCount] = useState(0);

  const filters = useMemo(() => {
    const f: Filters = {};
    for (const key of FILTER_KEYS) {
      const v = params.get(key);
      if (v) f[key] = v;
    }
    if (!params.has('unitId') && currentUnit) f.unitId = String(currentUnit.id);
    return f;
  }, [params, currentUnit]);
  const page = Number(params.get('page')) || 1;
  const pageSize = Number(params.get('pageSize')) || DEFAULT_PAGE_SIZE;
  const sort: PeopleSort = {
    sort: (params.get('sort') as PeopleSort['sort']) ?? undefined,
    order: (params.get('order') as PeopleSort['order']) ?? undefined,
  };
  const people = usePeople(filters, page, pageSize, sort);
  const setSort = (next: PeopleSort) =>
    setParams((p) => {
      if (next.sort && next.order) {
        p.set('sort', next.sort);
        p.set('order', next.order);
      } else {
        p.delete('sort');
        p.delete('order');
      }
      p.delete('page');
      return p;
    });

  const setFilter = (key: FilterKey, value: string | undefined) =>
    setParams((p) => {
      if (value === undefined && key !== 'unitId') p.delete(key);
      else p.set(key, value ?? '');
      p.delete('page');
      return p;
    });
  const setPage = (next: number, size: number) =>
    setParams((p) => {
      p.set('page', String(size === pageSize ? next : 1));
      p.set('pageSize', String(size));
      return p;
    });
  const reset = () => {
    setParams(new URLSearchParams());
    setResetCount((n) => n + 1);
  };

  const items = people.data?.items ?? [];
  const anyMasked = items.some((p) => p.masked);
  const resultProps = {
    items,
    loading: people.isFetching,
    total: people.data?.total ?? 0,
    page,
    pageSize,
    onPage: setPage,
    sort,
    onSort: setSort,
  };

  return (
    <>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <h1 className="pioneer-page-title" style={{ margin: 0 }}>
          {t('title')}
        </h1>
        <Space wrap>
          {(hasPermission(me, 'people.manage') || hasPermission(me, 'transfer.approve')) && (
            <Link to="/people/transfers">
              <Button icon={<SwapOutlined />}>{t('transfersTitle')}</Button>
            </Link>
          )}
          {hasPermission(me, 'import.run') && (
            <Link to="/roster/import">
              <Button icon={<UploadOutlined />}>{t('import')}</Button>
            </Link>
          )}
          <Button
            icon={<DownloadOutlined />}
            href={`/api/roster/exports/people.xlsx?${filterQuery(filters, sortQuery(sort))}`}
            download
            data-testid="people-export"
          >
            {t('export')}
          </Button>
        </Space>
      </Space>
      <PeopleFilters key={resetCount} filters={filters} onChange={setFilter} onReset={reset} />
      {people.isError && <Alert type="error" showIcon title={people.error.message} style={{ marginBottom: 12 }} />}
      {anyMasked && <Alert type="info" showIcon title={t('maskedHint')} style={{ marginBottom: 12 }} />}
      {mobile ? <PeopleCards {...resultProps} /> : <PeopleTable {...resultProps} />}
    </>
  );
}
