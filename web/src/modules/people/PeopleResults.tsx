import { Card, List, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { useMessages } from '../../i18n';
import { usePeopleLabels } from './labels';
import { peopleMessages } from './messages';
import type { PeopleSort, Person } from './people-api';

interface Props {
  items: Person[];
  loading: boolean;
  total: number;
  page: number;
  pageSize: number;
  onPage(page: number, pageSize: number): void;
  sort?: PeopleSort;
  onSort?(sort: PeopleSort): void;
}

function StatusTags({ person }: { person: Person }) {
  const t = useMessages(peopleMessages);
  const labels = usePeopleLabels();
  const color =
    person.politicalStatus === 'member' ? 'red' : person.politicalStatus === 'probationary' ? 'volcano' : 'default';
  return (
    <Space size={4} wrap>
      <Tag color={color}>{labels.label('politicalStatus', person.politicalStatus)}</Tag>
      {person.fulltimePartyWorker && <Tag color="gold">{t('fulltime')}</Tag>}
      {person.pendingTransferId !== null && <Tag color="processing">{t('pendingTransfer')}</Tag>}
    </Space>
  );
}

/** Desktop: a table that scrolls inside its own box. */
export function PeopleTable({ items, loading, total, page, pageSize, onPage, sort, onSort }: Props) {
  const t = useMessages(peopleMessages);
  const labels = usePeopleLabels();
  // Server-side sort (the export follows it): the column keys are the API's sort names.
  const sorted = (key: NonNullable<PeopleSort['sort']>) => ({
    key,
    sorter: true,
    showSorterTooltip: false,
    sortOrder: sort?.sort === key ? (sort.order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null,
  });
  const columns: ColumnsType<Person> = [
    {
      title: t('name'),
      dataIndex: 'name',
      fixed: 'left',
      width: 110,
      render: (name, p) => <Link to={`/people/${p.id}`}>{name}</Link>,
      ...sorted('name'),
    },
    { title: t('staffNo'), dataIndex: 'staffNo', width: 130, ...sorted('staffNo') },
    { title: t('gender'), dataIndex: 'gender', width: 60, render: (v) => labels.label('gender', v) },
    { title: t('kind'), dataIndex: 'kind', width: 80, render: (v) => labels.label('kind', v) },
    { title: t('politicalStatus'), key: 'status', width: 200, render: (_, p) => <StatusTags person={p} /> },
    { title: t('unitName'), dataIndex: 'unitName', width: 220, ...sorted('unit') },
    { title: t('department'), dataIndex: 'department', width: 160 },
    { title: t('phone'), dataIndex: 'phone', width: 130 },
    { title: t('idNumber'), dataIndex: 'idNumber', width: 190 },
    {
      title: t('cadreLevel'),
      dataIndex: 'cadreLevel',
      width: 90,
      render: (v) => (v === 'none' ? '' : labels.label('cadreLevel', v)),
    },
    { title: t('skills'), dataIndex: 'skills', width: 200, render: (skills: string[]) => skills.join('、') },
    { title: t('campus'), dataIndex: 'campus', width: 100 },
  ];
  return (
    <Table<Person>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 1600 }}
      onChange={(_p, _f, sorter, extra) => {
        if (extra.action !== 'sort' || !onSort) return;
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        onSort(
          s.order ? { sort: s.columnKey as PeopleSort['sort'], order: s.order === 'descend' ? 'desc' : 'asc' } : {},
        );
      }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        onChange: onPage,
        showTotal: (n) => t('total', { n }),
      }}
      data-testid="people-table"
    />
  );
}

/** Phone: one card per person, the fields that matter at a glance. */
export function PeopleCards({ items, loading, total, page, pageSize, onPage }: Props) {
  const t = useMessages(peopleMessages);
  const labels = usePeopleLabels();
  return (
    <List<Person>
      loading={loading}
      dataSource={items}
      data-testid="people-cards"
      pagination={{ current: page, pageSize, total, onChange: onPage, size: 'small', simple: true, align: 'center' }}
      header={<Typography.Text type="secondary">{t('total', { n: total })}</Typography.Text>}
      renderItem={(p) => (
        <List.Item style={{ padding: '4px 0', border: 'none' }}>
          <Link to={`/people/${p.id}`} style={{ display: 'block', width: '100%', color: 'inherit' }}>
            <Card size="small" hoverable>
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap size={8}>
                  <Typography.Text strong>{p.name}</Typography.Text>
                  <Typography.Text type="secondary">
                    {labels.label('gender', p.gender)} · {labels.label('kind', p.kind)} · {p.staffNo}
                  </Typography.Text>
                </Space>
                <StatusTags person={p} />
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {p.unitName}
                </Typography.Text>
                {p.phone && <Typography.Text style={{ fontSize: 13 }}>{`${t('phone')}：${p.phone}`}</Typography.Text>}
              </Space>
            </Card>
          </Link>
        </List.Item>
      )}
    />
  );
}
