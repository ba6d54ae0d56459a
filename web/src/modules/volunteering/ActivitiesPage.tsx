import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Pagination, Segmented, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { get } from '../../api';
import { useSession } from '../../session';
import { hasPermission } from '../types';
import { STATUS_TAG } from './labels';
import { type ActivitySummary, categoryLabel, type Page, timeRange } from './vol-api';

/** /volunteer: activities open to me, the ones I signed up for, and (organizers) the ones my units run. */
export default function ActivitiesPage() {
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const canOrganize = hasPermission(me, 'volunteer.manage');
  const view = params.get('view') ?? 'open';
  const page = Number(params.get('page') ?? 1);
  const list = useQuery({
    queryKey: ['vol-activities', view, page],
    queryFn: () => get<Page<ActivitySummary>>(`/api/volunteer/activities?view=${view}&page=${page}&pageSize=10`),
  });
  const options = [
    { value: 'open', label: '可报名' },
    { value: 'mine', label: '我报名的' },
    ...(hasPermission(me, 'volunteer.view') ? [{ value: 'managed', label: '本组织的' }] : []),
  ];
  return (
    <div style={{ maxWidth: 900, margin: '0 auto' }}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <h1 className="pioneer-page-title" style={{ margin: 0 }}>
          志愿活动
        </h1>
        {canOrganize && (
          <Link to="/volunteer/activities/new">
            <Button type="primary" icon={<PlusOutlined />}>
              发布活动
            </Button>
          </Link>
        )}
      </Flex>
      <Segmented
        block
        options={options}
        value={view}
        onChange={(v) => setParams({ view: String(v) })}
        style={{ marginBottom: 12 }}
      />
      {list.data?.items.length === 0 && <Empty description="暂无活动" />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {list.data?.items.map((a) => (
          <Link key={a.id} to={`/volunteer/activities/${a.id}`} data-testid="activity-card">
            <Card
              size="small"
              hoverable
              title={a.title}
              extra={<Tag color={STATUS_TAG[a.status].color}>{STATUS_TAG[a.status].text}</Tag>}
            >
              <Typography.Text type="secondary">{timeRange(a.startsAt, a.endsAt)}</Typography.Text>
              <div>{a.place}</div>
              <Space wrap size={4} style={{ marginTop: 4 }}>
                <Tag>{categoryLabel(a.category)}</Tag>
                <Tag>{a.unitName}</Tag>
                {a.teamName && <Tag color="purple">{a.teamName}</Tag>}
                {a.venueName && <Tag color="cyan">{a.venueName}</Tag>}
                {a.membersOnly && <Tag color="red">仅限党员</Tag>}
                <Tag color={a.taken >= a.capacity ? 'orange' : 'green'}>
                  名额 {a.taken}/{a.capacity}
                </Tag>
              </Space>
            </Card>
          </Link>
        ))}
      </Space>
      {(list.data?.total ?? 0) > 10 && (
        <Pagination
          style={{ marginTop: 12 }}
          current={page}
          total={list.data?.total}
          pageSize={10}
          onChange={(p) => setParams({ view, page: String(p) })}
        />
      )}
    </div>
  );
}
