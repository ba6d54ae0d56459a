import { VENUE_TYPE_LABELS, type VenueType } from '@pioneer/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, List, message, Space, Spin, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { get, post } from '../../api';
import { type Abilities, hours, showError, timeRange, when } from './vol-api';

interface Venue {
  id: number;
  name: string;
  type: VenueType;
  unitName: string;
  partnerName: string | null;
  address: string;
  openingHours: string;
  responsibleName: string;
  description: string;
  abilities: Abilities;
}
interface VenueDetail extends Venue {
  duties: {
    id: number;
    personName: string;
    post: string;
    startsAt: string;
    endsAt: string;
    status: string;
    pendingSwapTo: string | null;
    abilities: Abilities;
  }[];
  services: {
    id: number;
    servedAt: string;
    title: string;
    peopleServed: number;
    minutes: number;
    recordedByName: string;
    demandId: number | null;
  }[];
}

/** /volunteer/venues — the venues of my units, with duty rosters and service logs. */
export default function VenuesPage() {
  const venues = useQuery({
    queryKey: ['vol-venues'],
    queryFn: () => get<{ items: Venue[] }>('/api/volunteer/venues'),
  });
  return (
    <div style={{ maxWidth: 900, margin: '0 auto' }}>
      <h1 className="pioneer-page-title">服务阵地</h1>
      <Typography.Paragraph>
        <Link to="/venues">查看公开名录</Link>
      </Typography.Paragraph>
      {venues.isSuccess && venues.data.items.length === 0 && <Empty />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {venues.data?.items.map((v) => (
          <Link key={v.id} to={`/volunteer/venues/${v.id}`}>
            <Card size="small" hoverable title={v.name} extra={<Tag color="red">{VENUE_TYPE_LABELS[v.type]}</Tag>}>
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

export function VenueDetailPage() {
  const { id } = useParams();
  const qc = useQueryClient();
  const venue = useQuery({
    queryKey: ['vol-venue', id],
    queryFn: () => get<VenueDetail>(`/api/volunteer/venues/${id}`),
  });
  const confirm = useMutation({
    mutationFn: (dutyId: number) => post<{ minutes: number }>(`/api/volunteer/duties/${dutyId}/confirm`),
    onSuccess: (r) => {
      message.success(`已确认，记入 ${hours(r.minutes)}`);
      qc.invalidateQueries({ queryKey: ['vol-venue', id] });
    },
    onError: showError,
  });
  if (!venue.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  const v = venue.data;
  return (
    <div style={{ maxWidth: 900, margin: '0 auto' }}>
      <h1 className="pioneer-page-title">{v.name}</h1>
      <Typography.Paragraph>
        <Tag color="red">{VENUE_TYPE_LABELS[v.type]}</Tag>
        {v.address} · {v.openingHours} · 负责人 {v.responsibleName}
        {v.partnerName ? ` · 共建单位 ${v.partnerName}` : ''}
      </Typography.Paragraph>
      <Card size="small" title="值班表" style={{ marginBottom: 12 }}>
        <List
          dataSource={v.duties}
          locale={{ emptyText: '暂无值班' }}
          renderItem={(d) => (
            <List.Item
              actions={
                d.abilities.confirm
                  ? [
                      <Button key="c" size="small" onClick={() => confirm.mutate(d.id)}>
                        确认值班
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={`${d.personName} · ${d.post}`}
                description={`${timeRange(d.startsAt, d.endsAt)}${d.pendingSwapTo ? ` · 换班待 ${d.pendingSwapTo} 确认` : ''}`}
              />
              <Tag color={d.status === 'done' ? 'green' : 'blue'}>{d.status === 'done' ? '已确认' : '待值班'}</Tag>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title="服务记录">
        <List
          dataSource={v.services}
          locale={{ emptyText: '暂无记录' }}
          renderItem={(s) => (
            <List.Item>
              <List.Item.Meta
                title={s.title}
                description={`${when(s.servedAt)} · 服务 ${s.peopleServed} 人 · ${hours(s.minutes)} · 登记人 ${s.recordedByName}${s.demandId ? ` · 对应需求 #${s.demandId}` : ''}`}
              />
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
