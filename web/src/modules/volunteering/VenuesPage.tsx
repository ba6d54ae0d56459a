import { PlusOutlined } from '@ant-design/icons';
import { VENUE_TYPE_LABELS, type VenueType } from '@pioneer/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Empty,
  Flex,
  List,
  message,
  Popconfirm,
  Space,
  Spin,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { get, post } from '../../api';
import { useSession } from '../../session';
import { hasPermission } from '../types';
import { DutyDialog, ServiceLogDialog, SwapDialog, VenueCloseDialog, VenueFormDialog } from './VenueDialogs';
import { type Abilities, cancelSwap, hours, showError, timeRange, when } from './vol-api';

interface Venue {
  id: number;
  name: string;
  type: VenueType;
  unitId: number;
  unitName: string;
  partnerId: number | null;
  partnerName: string | null;
  address: string;
  latitude: number | null;
  longitude: number | null;
  openingHours: string;
  responsiblePersonId: number;
  responsibleName: string;
  description: string;
  isPublic: boolean;
  closedAt: string | null;
  abilities: Abilities;
}
interface VenueDetail extends Venue {
  duties: {
    id: number;
    personId: number;
    personName: string;
    post: string;
    startsAt: string;
    endsAt: string;
    status: string;
    pendingSwapId: number | null;
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

const DUTY_TAG: Record<string, [string, string | undefined]> = {
  scheduled: ['待值班', 'blue'],
  done: ['已确认', 'green'],
  cancelled: ['已取消', undefined],
};

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
          <Space size={4}>
            <Switch size="small" checked={includeClosed} onChange={setIncludeClosed} aria-label="显示已关闭的阵地" />
            <Typography.Text type="secondary">显示已关闭的阵地</Typography.Text>
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

interface MyDuty {
  id: number;
  venueId: number;
  venueName: string;
  personId: number;
  post: string;
  startsAt: string;
  endsAt: string;
  status: string;
  pendingSwapId: number | null;
  pendingSwapTo: string | null;
  abilities: Abilities;
}
interface SwapToMe {
  id: number;
  reason: string;
  fromName: string;
  venueName: string;
  post: string;
  startsAt: string;
  endsAt: string;
}

/** My duties at venues (swap requests from here) and the swaps colleagues asked me to take. */
function MyDutiesCard() {
  const { me } = useSession();
  const qc = useQueryClient();
  const [swapping, setSwapping] = useState<MyDuty | null>(null);
  const mine = useQuery({
    queryKey: ['vol-my-duties'],
    queryFn: () => get<{ duties: MyDuty[]; swapsToMe: SwapToMe[] }>('/api/volunteer/my/duties'),
  });
  const answer = useMutation({
    mutationFn: ({ id, accept }: { id: number; accept: boolean }) =>
      post(`/api/volunteer/swaps/${id}/${accept ? 'accept' : 'decline'}`),
    onSuccess: (_r, v) => {
      message.success(v.accept ? '已接受换班，值班已转到您名下' : '已婉拒');
      qc.invalidateQueries({ queryKey: ['vol-my-duties'] });
      qc.invalidateQueries({ queryKey: ['vol-venue'] });
    },
    onError: showError,
  });
  const withdraw = useWithdrawSwap();
  const duties = (mine.data?.duties ?? []).filter((d) => d.status === 'scheduled');
  const swaps = mine.data?.swapsToMe ?? [];
  if (duties.length === 0 && swaps.length === 0) return null;
  return (
    <Card size="small" title="我的值班" style={{ marginBottom: 12 }} data-testid="my-duties">
      {swaps.length > 0 && (
        <List
          header={<Typography.Text strong>待我确认的换班</Typography.Text>}
          dataSource={swaps}
          renderItem={(s) => (
            <List.Item
              actions={[
                <Button
                  key="ok"
                  size="small"
                  type="primary"
                  onClick={() => answer.mutate({ id: s.id, accept: true })}
                  loading={answer.isPending}
                >
                  接受
                </Button>,
                <Button key="no" size="small" onClick={() => answer.mutate({ id: s.id, accept: false })}>
                  婉拒
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={`${s.fromName} 请您代班：${s.venueName} · ${s.post}`}
                description={`${timeRange(s.startsAt, s.endsAt)} · 原因：${s.reason}`}
              />
            </List.Item>
          )}
        />
      )}
      {duties.length > 0 && (
        <List
          dataSource={duties}
          renderItem={(d) => (
            <List.Item
              actions={[
                d.abilities.swap && (
                  <Button key="s" size="small" onClick={() => setSwapping(d)}>
                    申请换班
                  </Button>
                ),
                d.abilities.cancelSwap && d.pendingSwapId && (
                  <WithdrawSwapButton key="w" swapId={d.pendingSwapId} to={d.pendingSwapTo} withdraw={withdraw} />
                ),
              ].filter(Boolean)}
            >
              <List.Item.Meta
                title={<Link to={`/volunteer/venues/${d.venueId}`}>{`${d.venueName} · ${d.post}`}</Link>}
                description={`${timeRange(d.startsAt, d.endsAt)}${d.pendingSwapTo ? ` · 换班待 ${d.pendingSwapTo} 确认` : ''}`}
              />
            </List.Item>
          )}
        />
      )}
      {swapping && (
        <SwapDialog
          dutyId={swapping.id}
          venueId={swapping.venueId}
          selfId={me.person.id}
          onClose={() => setSwapping(null)}
          onSaved={() => {
            setSwapping(null);
            message.success('换班申请已发送，等待对方确认');
            qc.invalidateQueries({ queryKey: ['vol-my-duties'] });
          }}
        />
      )}
    </Card>
  );
}

/** 撤回换班申请 (POST /api/volunteer/swaps/:id/cancel): the colleague no longer sees the request. */
function useWithdrawSwap() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: cancelSwap,
    onSuccess: () => {
      message.success('换班申请已撤回');
      qc.invalidateQueries({ queryKey: ['vol-my-duties'] });
      qc.invalidateQueries({ queryKey: ['vol-venue'] });
    },
    onError: showError,
  });
}
function WithdrawSwapButton(props: {
  swapId: number;
  to: string | null;
  withdraw: ReturnType<typeof useWithdrawSwap>;
}) {
  return (
    <Popconfirm
      title={`撤回请${props.to ?? '对方'}代班的申请？`}
      okText="撤回"
      cancelText="不撤回"
      onConfirm={() => props.withdraw.mutateAsync(props.swapId).catch(() => undefined)}
    >
      <Button size="small" loading={props.withdraw.isPending && props.withdraw.variables === props.swapId}>
        撤回换班
      </Button>
    </Popconfirm>
  );
}

export function VenueDetailPage() {
  const { id } = useParams();
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<'edit' | 'duty' | 'service' | 'close' | null>(null);
  const [swapDuty, setSwapDuty] = useState<VenueDetail['duties'][number] | null>(null);
  const venue = useQuery({
    queryKey: ['vol-venue', id],
    queryFn: () => get<VenueDetail>(`/api/volunteer/venues/${id}`),
  });
  const refresh = () => {
    qc.invalidateQueries({ queryKey: ['vol-venue', id] });
    qc.invalidateQueries({ queryKey: ['vol-venues'] });
    qc.invalidateQueries({ queryKey: ['vol-my-duties'] });
  };
  const closeDialog = (text: string) => () => {
    setDialog(null);
    setSwapDuty(null);
    message.success(text);
    refresh();
  };
  const confirm = useMutation({
    mutationFn: (dutyId: number) => post<{ minutes: number }>(`/api/volunteer/duties/${dutyId}/confirm`),
    onSuccess: (r) => {
      message.success(`已确认，记入 ${hours(r.minutes)}`);
      qc.invalidateQueries({ queryKey: ['vol-venue', id] });
    },
    onError: showError,
  });
  const withdraw = useWithdrawSwap();
  if (venue.isError) return <Empty description={venue.error.message} style={{ margin: 48 }} />;
  if (!venue.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  const v = venue.data;
  return (
    <div style={{ maxWidth: 900, margin: '0 auto' }}>
      <h1 className="pioneer-page-title">{v.name}</h1>
      {v.closedAt && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`该阵地已于 ${when(v.closedAt)} 关闭`}
          description="不再出现在公开名录中，也不能再排班或登记服务；以下值班表和服务记录保留可查。"
          data-testid="venue-closed"
        />
      )}
      {(v.abilities.update || v.abilities.schedule || v.abilities.logService || v.abilities.close) && (
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          {v.abilities.update && <Button onClick={() => setDialog('edit')}>修改阵地</Button>}
          {v.abilities.schedule && <Button onClick={() => setDialog('duty')}>排班</Button>}
          {v.abilities.logService && <Button onClick={() => setDialog('service')}>登记服务</Button>}
          {v.abilities.close && (
            <Button danger onClick={() => setDialog('close')}>
              关闭阵地
            </Button>
          )}
        </Flex>
      )}
      {dialog === 'edit' && (
        <VenueFormDialog
          venueId={v.id}
          initial={{
            name: v.name,
            type: v.type,
            unitId: v.unitId,
            partnerId: v.partnerId,
            address: v.address,
            latitude: v.latitude,
            longitude: v.longitude,
            openingHours: v.openingHours,
            responsiblePersonId: v.responsiblePersonId,
            responsibleName: v.responsibleName,
            description: v.description,
            isPublic: v.isPublic,
          }}
          onClose={() => setDialog(null)}
          onSaved={closeDialog('已保存')}
        />
      )}
      {dialog === 'duty' && (
        <DutyDialog venueId={v.id} onClose={() => setDialog(null)} onSaved={closeDialog('已排班')} />
      )}
      {dialog === 'service' && (
        <ServiceLogDialog venueId={v.id} onClose={() => setDialog(null)} onSaved={closeDialog('已登记服务')} />
      )}
      {dialog === 'close' && (
        <VenueCloseDialog
          venueId={v.id}
          venueName={v.name}
          onClose={() => setDialog(null)}
          onSaved={(n) => closeDialog(n > 0 ? `阵地已关闭，已取消 ${n} 个尚未开始的值班` : '阵地已关闭')()}
        />
      )}
      {swapDuty && (
        <SwapDialog
          dutyId={swapDuty.id}
          venueId={v.id}
          selfId={swapDuty.personId}
          onClose={() => setSwapDuty(null)}
          onSaved={closeDialog('换班申请已发送，等待对方确认')}
        />
      )}
      <Typography.Paragraph>
        {v.closedAt ? <Tag>已关闭</Tag> : <Tag color="red">{VENUE_TYPE_LABELS[v.type]}</Tag>}
        {v.address} · {v.openingHours} · 负责人 {v.responsibleName}
        {v.partnerName ? ` · 共建单位 ${v.partnerName}` : ''}
      </Typography.Paragraph>
      <Card size="small" title="值班表" style={{ marginBottom: 12 }}>
        <List
          dataSource={v.duties}
          locale={{ emptyText: '暂无值班' }}
          renderItem={(d) => (
            <List.Item
              actions={[
                d.abilities.confirm && (
                  <Button key="c" size="small" onClick={() => confirm.mutate(d.id)}>
                    确认值班
                  </Button>
                ),
                d.abilities.swap && !d.pendingSwapTo && (
                  <Button key="s" size="small" onClick={() => setSwapDuty(d)}>
                    申请换班
                  </Button>
                ),
                d.abilities.cancelSwap && d.pendingSwapId && (
                  <WithdrawSwapButton key="w" swapId={d.pendingSwapId} to={d.pendingSwapTo} withdraw={withdraw} />
                ),
              ].filter(Boolean)}
            >
              <List.Item.Meta
                title={`${d.personName} · ${d.post}`}
                description={`${timeRange(d.startsAt, d.endsAt)}${d.pendingSwapTo ? ` · 换班待 ${d.pendingSwapTo} 确认` : ''}`}
              />
              <Tag color={DUTY_TAG[d.status]?.[1]}>{DUTY_TAG[d.status]?.[0] ?? d.status}</Tag>
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
