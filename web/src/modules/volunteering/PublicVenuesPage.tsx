import { VENUE_TYPE_LABELS, type VenueType } from '@pioneer/domain';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get } from '../../api';

interface PublicVenue {
  id: number;
  name: string;
  type: VenueType;
  unitName: string;
  partnerName: string | null;
  address: string;
  openingHours: string;
  responsibleName: string;
  description: string;
  servicesLastYear: number;
}

/** /venues (public) — where to find Party-member service: every public venue with hours and address. */
export default function PublicVenuesPage() {
  const [type, setType] = useState<string>('all');
  const venues = useQuery({
    queryKey: ['vol-public-venues'],
    queryFn: () => get<{ items: PublicVenue[] }>('/api/public/venues'),
  });
  const types = [...new Set((venues.data?.items ?? []).map((v) => v.type))];
  const items = (venues.data?.items ?? []).filter((v) => type === 'all' || v.type === type);
  return (
    <div style={{ maxWidth: 900, margin: '0 auto' }}>
      <h1 className="pioneer-page-title">党员服务阵地</h1>
      <Segmented
        style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
        value={type}
        onChange={(v) => setType(String(v))}
        options={[{ value: 'all', label: '全部' }, ...types.map((t) => ({ value: t, label: VENUE_TYPE_LABELS[t] }))]}
      />
      {venues.isSuccess && items.length === 0 && <Empty />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {items.map((v) => (
          <Card
            key={v.id}
            size="small"
            title={v.name}
            extra={<Tag color="red">{VENUE_TYPE_LABELS[v.type]}</Tag>}
            data-testid="public-venue"
          >
            <div>地址：{v.address}</div>
            <div>开放时间：{v.openingHours}</div>
            <div>
              负责人：{v.responsibleName}（{v.unitName}
              {v.partnerName ? `，共建单位：${v.partnerName}` : ''}）
            </div>
            {v.description && <Typography.Text type="secondary">{v.description}</Typography.Text>}
            <div>
              <Tag>近一年服务 {v.servicesLastYear} 次</Tag>
            </div>
          </Card>
        ))}
      </Space>
    </div>
  );
}
