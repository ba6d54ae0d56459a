import { PlusOutlined } from '@ant-design/icons';
import { VENUE_TYPE_LABELS } from '@pioneer/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, message, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { get } from '../../api';
import { ExportButton } from '../../components/ExportButton';
import { useSession } from '../../session';
import { hasPermission } from '../types';
import { MyDutiesCard } from './MyDutiesCard';
import { VenueFormDialog } from './VenueDialogs';
import type { Venue } from './venue-api';

// index.tsx loads the detail page from this file.
export { VenueDetailPage } from './VenueDetailPage';

/** /volunteer/venues — the venues of my units, with duty rosters and service logs. */
export default function VenuesPage() {
  const { me } = useSession();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [includeClosed, setIncludeClosed] = useState(false);
  const venues = useQuery({
    queryKey: ['vol-venues', includeClosed],
    queryFn: () => get<{ items: Venue[] }>(`/api/volunteer/venues${includeClosed ? '?includeClosed=true' : ''}`),
  });
  return (
    <div style={{ maxWidth: 900, margin: '0 auto' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <h1 className="pioneer-page-title">服务阵地</h1>
        {hasPermission(me, 'venue.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建阵地
          </Button>
        )}
      </Flex>
      {creating && (
        <VenueFormDialog
          onClose={() => setCreating(false)}
          onSaved={(id) => {
            setCreating(false);
            message.success('阵地已建立');
            qc.invalidateQueries({ queryKey: ['vol-venues'] });
            navigate(`/volunteer/venues/${id}`);
          }}
        />
      )}
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Link to="/venues">查看公开名录</Link>
        {(hasPermission(me, 'venue.manage') || hasPermission(me, 'volunteer.view')) && (
          <Space size={8} wrap>
            <Switch size="small" checked={includeClosed} onChange={setIncludeClosed} aria-label="显示已关闭的阵地" />
            <Typography.Text type="secondary">显示已关闭的阵地</Typography.Text>
            <ExportButton
              url="/api/volunteer/venues.xlsx"
              query={{ includeClosed: includeClosed ? 'true' : undefined }}
              testId="venues-export"
            />
          </Space>
        )}
      </Flex>
      <MyDutiesCard />
      {venues.isSuccess && venues.data.items.length === 0 && (
        <Empty
          description={
            hasPermission(me, 'venue.manage') || hasPermission(me, 'volunteer.view')
              ? '暂无服务阵地'
              : '您暂无值班的服务阵地'
          }
        />
      )}
      <Space direction="vertical" style={{ width: '100%' }}>
        {venues.data?.items.map((v) => (
          <Link key={v.id} to={`/volunteer/venues/${v.id}`}>
            <Card
              size="small"
              hoverable
              title={v.name}
              extra={v.closedAt ? <Tag>已关闭</Tag> : <Tag color="red">{VENUE_TYPE_LABELS[v.type]}</Tag>}
            >
              <div>{v.address}</div>
              <Typography.Text type="secondary">
                {v.unitName} · 负责人 {v.responsibleName} · {v.openingHours}
              </Typography.Text>
            </Card>
          </Link>
        ))}
      </Space>
    </div>
  );
}
