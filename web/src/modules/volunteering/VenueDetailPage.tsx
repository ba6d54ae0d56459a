import { VENUE_TYPE_LABELS } from '@pioneer/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, List, message, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { get, post } from '../../api';
import { DutyDialog, SwapDialog } from './DutyDialogs';
import { dutyWhen, swapActions, useWithdrawSwap } from './MyDutiesCard';
import { ServiceLogDialog } from './ServiceLogDialog';
import { VenueCloseDialog, VenueFormDialog } from './VenueDialogs';
import type { VenueDetail } from './venue-api';
import { hours, showError, when } from './vol-api';

const DUTY_TAG: Record<string, [string, string | undefined]> = {
  scheduled: ['待值班', 'blue'],
  done: ['已确认', 'green'],
  cancelled: ['已取消', undefined],
};

/** /volunteer/venues/:id — one venue: its duty roster, service log and the actions its abilities allow. */
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
                ...swapActions(d, () => setSwapDuty(d), withdraw),
              ].filter(Boolean)}
            >
              <List.Item.Meta title={`${d.personName} · ${d.post}`} description={dutyWhen(d)} />
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
