import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Input, List, Modal, message, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get, post } from '../../api';
import { STATUS_TAG } from './labels';
import { AttendanceButton } from './vol-admin';
import { type ActivityDetail, hours, type RosterRow, showError, when } from './vol-api';

/** The organizer's roster: who signed up, who checked in, late/manual entries to review, then 结项. */
export function RosterCard({ activity, onChanged }: { activity: ActivityDetail; onChanged: () => void }) {
  const qc = useQueryClient();
  const key = ['vol-roster', activity.id];
  const roster = useQuery({
    queryKey: key,
    queryFn: () => get<{ items: RosterRow[] }>(`/api/volunteer/activities/${activity.id}/signups`),
    refetchInterval: 10_000,
  });
  const [reason, setReason] = useState('');
  const done = () => {
    qc.invalidateQueries({ queryKey: key });
    onChanged();
  };
  const review = useMutation({
    mutationFn: ({ id, approve }: { id: number; approve: boolean }) =>
      post(`/api/volunteer/signups/${id}/review`, { approve, note: '' }),
    onSuccess: done,
    onError: showError,
  });
  const close = useMutation({
    mutationFn: () =>
      post<{ present: number; noShow: number; minutes: number }>(`/api/volunteer/activities/${activity.id}/close`),
    onSuccess: (r) => {
      Modal.success({
        title: '已结项',
        content: `出勤 ${r.present} 人，缺勤 ${r.noShow} 人，共记入 ${hours(r.minutes)}。`,
      });
      done();
    },
    onError: showError,
  });
  const cancel = useMutation({
    mutationFn: () => post(`/api/volunteer/activities/${activity.id}/cancel`, { reason }),
    onSuccess: () => {
      message.success('活动已取消');
      done();
    },
    onError: showError,
  });
  const rows = roster.data?.items ?? [];
  /** The shift a roster row is on (rows name the post), for the suggested times of a direct entry. */
  const shiftOf = (r: RosterRow) => activity.shifts.find((s) => s.post === r.post) ?? activity;
  const checkedIn = rows.filter((r) => r.checkedInAt && r.status === 'confirmed').length;
  return (
    <Card
      size="small"
      title={`报名与出勤（已签到 ${checkedIn} / ${rows.filter((r) => r.status === 'confirmed').length}）`}
      data-testid="roster"
    >
      <List
        dataSource={rows.filter((r) => r.status !== 'cancelled')}
        locale={{ emptyText: '还没有人报名' }}
        renderItem={(r) => (
          <List.Item
            actions={[
              ...(r.abilities.record
                ? [
                    <AttendanceButton
                      key="rec"
                      small
                      label="登记出勤"
                      mode="record"
                      signupId={r.id}
                      personName={r.name}
                      startsAt={r.checkedInAt ?? shiftOf(r).startsAt}
                      endsAt={r.checkedOutAt ?? shiftOf(r).endsAt}
                      onDone={() => {
                        message.success(`已登记 ${r.name} 的出勤`);
                        done();
                      }}
                    />,
                  ]
                : []),
              ...(r.abilities.review
                ? [
                    <Button
                      key="ok"
                      size="small"
                      type="link"
                      onClick={() => review.mutate({ id: r.id, approve: true })}
                    >
                      通过
                    </Button>,
                    <Button
                      key="no"
                      size="small"
                      type="link"
                      danger
                      onClick={() => review.mutate({ id: r.id, approve: false })}
                    >
                      不通过
                    </Button>,
                  ]
                : []),
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <span>{r.name}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.volunteerNo}
                  </Typography.Text>
                  <Tag color={STATUS_TAG[r.status]?.color}>{STATUS_TAG[r.status]?.text}</Tag>
                  {r.attendance !== 'pending' && (
                    <Tag color={STATUS_TAG[r.attendance]?.color}>{STATUS_TAG[r.attendance]?.text}</Tag>
                  )}
                  {r.checkinReview !== 'none' && (
                    <Tag color={STATUS_TAG[r.checkinReview]?.color}>
                      {r.checkinKind === 'manual' ? '补签' : '迟到'}
                      {STATUS_TAG[r.checkinReview]?.text}
                    </Tag>
                  )}
                </Space>
              }
              description={`${r.post}　签到 ${when(r.checkedInAt)}　签退 ${when(r.checkedOutAt)}${r.creditedMinutes ? `　记入 ${hours(r.creditedMinutes)}` : ''}`}
            />
          </List.Item>
        )}
      />
      {activity.abilities.close && (
        <Space wrap style={{ marginTop: 8 }}>
          <Popconfirm
            title="结项后按签到结算出勤并记入服务时长，不能撤回。确定结项？"
            okText="结项"
            cancelText="再等等"
            onConfirm={() => close.mutate()}
          >
            <Button type="primary" loading={close.isPending}>
              结项并记入时长
            </Button>
          </Popconfirm>
          <Popconfirm
            title={<Input placeholder="取消原因" value={reason} onChange={(e) => setReason(e.target.value)} />}
            okText="取消活动"
            cancelText="返回"
            onConfirm={() => cancel.mutate()}
          >
            <Button danger>取消活动</Button>
          </Popconfirm>
        </Space>
      )}
    </Card>
  );
}
