import { EnvironmentOutlined, FormOutlined, SearchOutlined } from '@ant-design/icons';
import { BOARD_STATUSES } from '@pioneer/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Pagination, Rate, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { get } from '../../api';
import { useMessages } from '../../i18n';
import { type BoardItem, type Page, toSearch, useCategories } from './demands-api';
import { FilterField } from './FilterField';
import { stateColor, useDemandLabels } from './labels';
import { demandMessages } from './messages';

/** /board (public): published, in-service and completed needs; no requester data; ratings without names. */
export default function BoardPage() {
  const t = useMessages(demandMessages);
  const labels = useDemandLabels();
  const [params, setParams] = useSearchParams();
  const filter = {
    categoryId: params.get('categoryId') ?? '',
    campus: params.get('campus') ?? '',
    status: params.get('status') ?? '',
    page: params.get('page') ?? '1',
  };
  const categories = useCategories(true);
  const board = useQuery({
    queryKey: ['board', filter],
    queryFn: () => get<Page<BoardItem>>(`/api/public/board?${toSearch(filter)}`),
    placeholderData: keepPreviousData,
  });
  const set = (key: string, value: string) =>
    setParams(toSearch({ ...filter, [key]: value, page: key === 'page' ? value : '1' }));

  return (
    <div style={{ maxWidth: 900, margin: '0 auto' }}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <h1 className="pioneer-page-title" style={{ margin: 0 }}>
          {t('board')}
        </h1>
        <Space wrap>
          <Link to="/board/new">
            <Button type="primary" icon={<FormOutlined />}>
              {t('fileNeed')}
            </Button>
          </Link>
          <Link to="/track">
            <Button icon={<SearchOutlined />}>{t('track')}</Button>
          </Link>
        </Space>
      </Flex>
      <Typography.Paragraph type="secondary">{t('boardIntro')}</Typography.Paragraph>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <FilterField label={t('category')} grow>
          <Select
            aria-label={t('category')}
            style={{ minWidth: 150 }}
            value={filter.categoryId}
            onChange={(v) => set('categoryId', v)}
            options={[
              { value: '', label: t('allCategories') },
              ...(categories.data?.items ?? []).map((c) => ({ value: String(c.id), label: c.name })),
            ]}
          />
        </FilterField>
        <FilterField label={t('campus')} grow>
          <Select
            aria-label={t('campus')}
            style={{ minWidth: 120 }}
            value={filter.campus}
            onChange={(v) => set('campus', v)}
            options={[
              { value: '', label: t('allCampuses') },
              ...(categories.data?.campuses ?? []).map((c) => ({ value: c, label: c })),
            ]}
          />
        </FilterField>
        <FilterField label={t('status')} grow>
          <Select
            aria-label={t('status')}
            style={{ minWidth: 110 }}
            value={filter.status}
            onChange={(v) => set('status', v)}
            options={[
              { value: '', label: t('allStatuses') },
              ...BOARD_STATUSES.map((s) => ({ value: s, label: labels.boardStatus(s) })),
            ]}
          />
        </FilterField>
      </Flex>
      {board.isError && <Typography.Text type="danger">{board.error.message}</Typography.Text>}
      {board.data && board.data.items.length === 0 && <Empty description={t('noData')} />}
      <Flex vertical gap={10} data-testid="board-list">
        {board.data?.items.map((item) => (
          <BoardCard key={item.id} item={item} />
        ))}
      </Flex>
      {board.data && board.data.total > board.data.pageSize && (
        <Pagination
          style={{ marginTop: 16, textAlign: 'center' }}
          current={Number(filter.page)}
          pageSize={board.data.pageSize}
          total={board.data.total}
          showSizeChanger={false}
          size="small"
          onChange={(p) => set('page', String(p))}
        />
      )}
    </div>
  );
}

function BoardCard({ item }: { item: BoardItem }) {
  const t = useMessages(demandMessages);
  const labels = useDemandLabels();
  return (
    <Card
      size="small"
      title={<span style={{ whiteSpace: 'normal' }}>{item.title}</span>}
      extra={<Tag color={stateColor(item.state)}>{labels.state(item.state)}</Tag>}
    >
      <Typography.Paragraph style={{ marginBottom: 6 }} ellipsis={{ rows: 3 }}>
        {item.summary}
      </Typography.Paragraph>
      <Space size={[8, 4]} wrap style={{ fontSize: 13 }}>
        {item.categoryName && <Tag>{item.categoryName}</Tag>}
        {(item.location || item.campus) && (
          <Typography.Text type="secondary">
            <EnvironmentOutlined /> {[item.campus, item.location].filter(Boolean).join(' · ')}
          </Typography.Text>
        )}
        {item.neededOn && <Typography.Text type="secondary">{`${t('neededOn')} ${item.neededOn}`}</Typography.Text>}
        <Typography.Text type="secondary">{`${t('publishedAt')} ${dayjs(item.publishedAt).format('YYYY-MM-DD')}`}</Typography.Text>
      </Space>
      {item.servedBy && (
        <div style={{ marginTop: 6 }}>
          <Typography.Text>{`${t('servedBy')}：${item.servedBy}${item.team ? ` · ${item.team}` : ''}`}</Typography.Text>
          {item.minutesTotal > 0 && (
            <Typography.Text type="secondary">{`　${t('minutes')} ${t('hours', { h: Math.round(item.minutesTotal / 6) / 10 })}`}</Typography.Text>
          )}
        </div>
      )}
      {item.ratingScore !== null && (
        <div style={{ marginTop: 6 }} data-testid="board-rating">
          <Rate disabled value={item.ratingScore} style={{ fontSize: 14 }} />
          {item.ratingComment && <Typography.Text type="secondary">{`　“${item.ratingComment}”`}</Typography.Text>}
        </div>
      )}
    </Card>
  );
}
