import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Flex, Input, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { get } from '../../api';
import { defineMessages, useMessages } from '../../i18n';
import { useSession } from '../../session';
import { hasPermission } from '../types';
import { DemandTable } from './DemandTable';
import { type Demand, type Page, toSearch, useCategories } from './demands-api';
import { useDemandLabels } from './labels';

const messages = defineMessages(
  {
    title: '需求工作台',
    scope: '我管辖的',
    open: '可认领',
    mine: '我提交与参与的',
    file: '提交需求',
    search: '搜索标题',
    filters: '筛选条件',
    clear: '清除筛选',
    allStates: '全部状态',
    overdueOnly: '仅看超时',
    total: '共 {n} 条',
  },
  {
    title: 'Needs',
    scope: 'Overseen by me',
    open: 'Open to claim',
    mine: 'Mine',
    file: 'File a need',
    search: 'Search titles',
    filters: 'Filters',
    clear: 'Clear filters',
    allStates: 'All states',
    overdueOnly: 'Overdue only',
    total: '{n} needs',
  },
);
const STATES = [
  'submitted',
  'triaged',
  'published',
  'claimed',
  'in_progress',
  'completed',
  'rated',
  'reopened',
  'closed',
  'rejected',
  'merged',
  'withdrawn',
  'expired',
];
/** Filters a figure can open the list with (see GET /api/reports/demands): shown as tags that can be cleared. */
const FIGURE_FILTERS = ['unitId', 'audience', 'channel', 'categoryId', 'rated', 'reached', 'from', 'to'];

/** /demands: the triage and work queue — what I oversee, what I could take up, and my own; figures open it filtered. */
export default function WorkQueuePage() {
  const t = useMessages(messages);
  const labels = useDemandLabels();
  const navigate = useNavigate();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const oversees = hasPermission(me, 'demand.view') || hasPermission(me, 'report.view');
  const canClaim = hasPermission(me, 'demand.claim') || hasPermission(me, 'demand.serve');
  const view = params.get('view') ?? (oversees ? 'scope' : canClaim ? 'open' : 'mine');
  const query = Object.fromEntries(params.entries());
  const list = useQuery({
    queryKey: ['demands', query, view],
    queryFn: () => get<Page<Demand>>(`/api/demands?${toSearch({ ...query, view })}`),
    placeholderData: keepPreviousData,
  });
  const categories = useCategories();
  const set = (patch: Record<string, string | undefined>) => {
    const next = { ...query, ...patch };
    if (!('page' in patch)) delete next.page;
    setParams(toSearch(next));
  };
  const figureTags = FIGURE_FILTERS.filter((k) => params.get(k));
  const categoryName = (id: string) =>
    id === '0' ? '未分类' : (categories.data?.items.find((c) => String(c.id) === id)?.name ?? id);

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <h1 className="pioneer-page-title" style={{ margin: 0 }}>
          {t('title')}
        </h1>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/demands/new')}>
          {t('file')}
        </Button>
      </Flex>
      <Tabs
        activeKey={view}
        onChange={(v) => set({ view: v })}
        items={[
          ...(oversees ? [{ key: 'scope', label: t('scope') }] : []),
          ...(canClaim ? [{ key: 'open', label: t('open') }] : []),
          { key: 'mine', label: t('mine') },
        ]}
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('allStates')}
          style={{ minWidth: 140 }}
          value={params.get('state') ?? ''}
          onChange={(v) => set({ state: v || undefined })}
          options={[{ value: '', label: t('allStates') }, ...STATES.map((s) => ({ value: s, label: labels.state(s) }))]}
        />
        <Select
          aria-label={t('overdueOnly')}
          style={{ minWidth: 120 }}
          value={params.get('overdue') ?? ''}
          onChange={(v) => set({ overdue: v || undefined })}
          options={[
            { value: '', label: '—' },
            { value: 'true', label: t('overdueOnly') },
          ]}
        />
        <Input.Search
          allowClear
          placeholder={t('search')}
          style={{ maxWidth: 260 }}
          defaultValue={params.get('q') ?? ''}
          onSearch={(q) => set({ q: q || undefined })}
        />
      </Flex>
      {figureTags.length > 0 && (
        <Space wrap style={{ marginBottom: 12 }} data-testid="figure-filters">
          <Typography.Text type="secondary">{t('filters')}：</Typography.Text>
          {figureTags.map((k) => {
            const v = params.get(k) as string;
            const text =
              k === 'audience'
                ? labels.audience(v)
                : k === 'channel'
                  ? labels.channel(v)
                  : k === 'categoryId'
                    ? categoryName(v)
                    : k === 'rated'
                      ? `${v} 分`
                      : `${k}=${v}`;
            return (
              <Tag key={k} closable onClose={() => set({ [k]: undefined })}>
                {text}
              </Tag>
            );
          })}
          <Button size="small" type="link" onClick={() => setParams(toSearch({ view }))}>
            {t('clear')}
          </Button>
        </Space>
      )}
      {list.isError && <Typography.Text type="danger">{list.error.message}</Typography.Text>}
      {list.data && <Typography.Text type="secondary">{t('total', { n: list.data.total })}</Typography.Text>}
      <DemandTable
        items={list.data?.items}
        loading={list.isFetching}
        pagination={
          list.data && {
            current: list.data.page,
            pageSize: list.data.pageSize,
            total: list.data.total,
            onChange: (p) => set({ page: String(p) }),
          }
        }
      />
    </>
  );
}
