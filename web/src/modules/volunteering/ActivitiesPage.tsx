import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Pagination, Segmented, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { get } from '../../api';
import { useMessages } from '../../i18n';
import { useSession } from '../../session';
import { hasPermission } from '../types';
import { useVolLabels } from './labels';
import { volMessages } from './messages';
import { TodayShifts } from './TodayShifts';
import type { ActivitySummary, Page } from './vol-api';

/** /volunteer: activities open to me, the ones I signed up for, and (organizers) the ones my units run. */
export default function ActivitiesPage() {
  const t = useMessages(volMessages);
  const labels = useVolLabels();
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
    { value: 'open', label: t('viewOpen') },
    { value: 'mine', label: t('viewMine') },
    ...(hasPermission(me, 'volunteer.view') ? [{ value: 'managed', label: t('viewManaged') }] : []),
  ];
  return (
    <div style={{ maxWidth: 900, margin: '0 auto' }}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <h1 className="pioneer-page-title" style={{ margin: 0 }}>
          {t('activities')}
        </h1>
        {canOrganize && (
          <Link to="/volunteer/activities/new">
            <Button type="primary" icon={<PlusOutlined />}>
              {t('publishActivity')}
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
      {/* My activities start with the shifts I can check in to now, today's first. */}
      {view === 'mine' && (
        <div style={{ marginBottom: 12 }}>
          <TodayShifts limit={3} />
        </div>
      )}
      {list.data?.items.length === 0 && <Empty description={t('noActivities')} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {list.data?.items.map((a) => (
          <Link key={a.id} to={`/volunteer/activities/${a.id}`} data-testid="activity-card">
            <Card
              size="small"
              hoverable
              title={a.title}
              extra={<Tag color={labels.statusColor(a.status)}>{labels.statusText(a.status)}</Tag>}
            >
              <Typography.Text type="secondary">{labels.timeRange(a.startsAt, a.endsAt)}</Typography.Text>
              <div>{a.place}</div>
              <Space wrap size={4} style={{ marginTop: 4 }}>
                <Tag>{labels.category(a.category)}</Tag>
                <Tag>{a.unitName}</Tag>
                {a.teamName && <Tag color="purple">{a.teamName}</Tag>}
                {a.venueName && <Tag color="cyan">{a.venueName}</Tag>}
                {a.membersOnly && <Tag color="red">{t('membersOnly')}</Tag>}
                <Tag color={a.taken >= a.capacity ? 'orange' : 'green'}>
                  {t('seats', { taken: a.taken, capacity: a.capacity })}
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
