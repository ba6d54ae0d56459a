import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, List, message, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { get, post } from '../../api';
import { useSession } from '../../session';
import { SwapDialog } from './DutyDialogs';
import type { Duty, MyDuty } from './venue-api';
import { cancelSwap, showError, timeRange } from './vol-api';

interface SwapToMe {
  id: number;
  reason: string;
  fromName: string;
  venueName: string;
  post: string;
  startsAt: string;
  endsAt: string;
}

/** A duty's time, and whom its pending swap waits for. */
export const dutyWhen = (d: Duty) =>
  `${timeRange(d.startsAt, d.endsAt)}${d.pendingSwapTo ? ` · 换班待 ${d.pendingSwapTo} 确认` : ''}`;

/** My duties at venues (swap requests from here) and the swaps colleagues asked me to take. */
export function MyDutiesCard() {
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
            <List.Item actions={swapActions(d, () => setSwapping(d), withdraw).filter(Boolean)}>
              <List.Item.Meta
                title={<Link to={`/volunteer/venues/${d.venueId}`}>{`${d.venueName} · ${d.post}`}</Link>}
                description={dutyWhen(d)}
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
export function useWithdrawSwap() {
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
export function WithdrawSwapButton(props: {
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

/** A duty's 申请换班 (while no request waits on it) and 撤回换班 (while one does), as its abilities allow. */
export function swapActions(d: Duty, onSwap: () => void, withdraw: ReturnType<typeof useWithdrawSwap>) {
  return [
    d.abilities.swap && !d.pendingSwapTo && (
      <Button key="s" size="small" onClick={onSwap}>
        申请换班
      </Button>
    ),
    d.abilities.cancelSwap && d.pendingSwapId && (
      <WithdrawSwapButton key="w" swapId={d.pendingSwapId} to={d.pendingSwapTo} withdraw={withdraw} />
    ),
  ];
}
