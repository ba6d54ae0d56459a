import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Flex, Input, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { get } from '../../api';
import { ExportButton } from '../../components/ExportButton';
import { defineMessages, useMessages } from '../../i18n';
import { useSession } from '../../session';
import { useUnits } from '../org/org-api';
import { hasPermission } from '../types';
import { DemandTable } from './DemandTable';
import { type Demand, type Page, toSearch, useCategories } from './demands-api';
import { FilterField } from './FilterField';
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
    stateLabel: '状态',
    clockLabel: '时限',
    anyClock: '不限',
    searchLabel: '标题',
    f_unitId: '组织',
    f_audience: '需求类型',
    f_channel: '渠道',
    f_categoryId: '类别',
    f_rated: '评分',
    f_reached: '进展',
    f_from: '起',
    f_to: '止',
    points: '{n} 分',
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
    stateLabel: 'State',
    clockLabel: 'Time limit',
    anyClock: 'Any',
    searchLabel: 'Title',
    f_unitId: 'Unit',
    f_audience: 'Type',
    f_channel: 'Channel',
    f_categoryId: 'Category',
    f_rated: 'Rating',
    f_reached: 'Reached',
    f_from: 'From',
    f_to: 'To',
    points: '{n} pts',
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
  const units = useUnits();
  const unitName = (id: string) => units.data?.find((u) => String(u.id) === id)?.name ?? id;
  const categoryName = (id: string) =>
    id === '0' ? '未分类' : (categories.data?.items.find((c) => String(c.id) === id)?.name ?? id);

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <h1 className="pioneer-page-title" style={{ margin: 0 }}>
          {t('title')}
        </h1>
        <Flex gap={8} wrap>
          {view === 'scope' && (
            <ExportButton
              url="/api/demands.xlsx"
              list={{ exportQuery: toSearch({ ...query, view, page: undefined, pageSize: undefined }) }}
            />
          )}
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/demands/new')}>
            {t('file')}
          </Button>
        </Flex>
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
      <Flex wrap gap={8} align="end" style={{ marginBottom: 12 }}>
        <FilterField label={t('stateLabel')}>
          <Select
            aria-label={t('stateLabel')}
            style={{ minWidth: 140 }}
            value={params.get('state') ?? ''}
            onChange={(v) => set({ state: v || undefined })}
            options={[
              { value: '', label: t('allStates') },
              ...STATES.map((s) => ({ value: s, label: labels.state(s) })),
            ]}
          />
        </FilterField>
        <FilterField label={t('clockLabel')}>
          <Select
            aria-label={t('clockLabel')}
            style={{ minWidth: 120 }}
            value={params.get('overdue') ?? ''}
            onChange={(v) => set({ overdue: v || undefined })}
            options={[
              { value: '', label: t('anyClock') },
              { value: 'true', label: t('overdueOnly') },
            ]}
          />
        </FilterField>
        <FilterField label={t('searchLabel')}>
          <Input.Search
            allowClear
            aria-label={t('search')}
            placeholder={t('search')}
            style={{ maxWidth: 260 }}
            defaultValue={params.get('q') ?? ''}
            onSearch={(q) => set({ q: q || undefined })}
          />
        </FilterField>
      </Flex>
      {figureTags.length > 0 && (
        <Space wrap style={{ marginBottom: 12 }} data-testid="figure-filters">
          <Typography.Text type="secondary">{t('filters')}：</Typography.Text>
          {figureTags.map((k) => {
            const v = params.get(k) as string;
            // Names, not ids: 「组织：文学院本科生第一党支部」 rather than 「unitId=5」.
            const value =
              k === 'audience'
                ? labels.audience(v)
                : k === 'channel'
                  ? labels.channel(v)
                  : k === 'categoryId'
                    ? categoryName(v)
                    : k === 'rated'
                      ? t('points', { n: v })
                      : k === 'reached'
                        ? labels.state(v)
                        : k === 'unitId'
                          ? unitName(v)
                          : v;
            const text = `${t(`f_${k}` as 'f_unitId')}：${value}`;
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
