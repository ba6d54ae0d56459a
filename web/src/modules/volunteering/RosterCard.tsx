import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Input, List, Modal, message, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get, post } from '../../api';
import { useMessages } from '../../i18n';
import { useVolLabels } from './labels';
import { volAdminMessages } from './messages-admin';
import { AttendanceButton } from './vol-admin';
import { type ActivityDetail, type RosterRow, showError, when } from './vol-api';

/** The organizer's roster: who signed up, who checked in, late/manual entries to review, then 结项. */
export function RosterCard({ activity, onChanged }: { activity: ActivityDetail; onChanged: () => void }) {
  const t = useMessages(volAdminMessages);
  const labels = useVolLabels();
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
        title: t('closedOut'),
        content: t('closeResult', { present: r.present, noShow: r.noShow, hours: labels.hours(r.minutes) }),
      });
      done();
    },
    onError: showError,
  });
  const cancel = useMutation({
    mutationFn: () => post(`/api/volunteer/activities/${activity.id}/cancel`, { reason }),
    onSuccess: () => {
      message.success(t('activityCancelled'));
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
      title={t('rosterTitle', { checkedIn, confirmed: rows.filter((r) => r.status === 'confirmed').length })}
      data-testid="roster"
    >
      <List
        dataSource={rows.filter((r) => r.status !== 'cancelled')}
        locale={{ emptyText: t('noSignups') }}
        renderItem={(r) => (
          <List.Item
            actions={[
              ...(r.abilities.record
                ? [
                    <AttendanceButton
                      key="rec"
                      small
                      label={t('recordAttendance')}
                      mode="record"
                      signupId={r.id}
                      personName={r.name}
                      startsAt={r.checkedInAt ?? shiftOf(r).startsAt}
                      endsAt={r.checkedOutAt ?? shiftOf(r).endsAt}
                      onDone={() => {
                        message.success(t('attendanceRecorded', { name: r.name }));
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
                      {t('approve')}
                    </Button>,
                    <Button
                      key="no"
                      size="small"
                      type="link"
                      danger
                      onClick={() => review.mutate({ id: r.id, approve: false })}
                    >
                      {t('reject')}
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
                  <Tag color={labels.statusColor(r.status)}>{labels.statusText(r.status)}</Tag>
                  {r.attendance !== 'pending' && (
                    <Tag color={labels.statusColor(r.attendance)}>{labels.statusText(r.attendance)}</Tag>
                  )}
                  {r.checkinReview !== 'none' && (
                    <Tag color={labels.statusColor(r.checkinReview)}>
                      {t('reviewTag', {
                        kind: r.checkinKind === 'manual' ? t('kindManual') : t('kindLate'),
                        status: labels.statusText(r.checkinReview) ?? '',
                      })}
                    </Tag>
                  )}
                </Space>
              }
              description={`${t('rosterLine', { post: r.post, in: when(r.checkedInAt), out: when(r.checkedOutAt) })}${r.creditedMinutes ? t('rosterCredited', { hours: labels.hours(r.creditedMinutes) }) : ''}`}
            />
          </List.Item>
        )}
      />
      {activity.abilities.close && (
        <Space wrap style={{ marginTop: 8 }}>
          <Popconfirm
            title={t('closeConfirm')}
            okText={t('closeOk')}
            cancelText={t('notYet')}
            onConfirm={() => close.mutate()}
          >
            <Button type="primary" loading={close.isPending}>
              {t('closeAndCredit')}
            </Button>
          </Popconfirm>
          <Popconfirm
            title={<Input placeholder={t('cancelReason')} value={reason} onChange={(e) => setReason(e.target.value)} />}
            okText={t('cancelActivity')}
            cancelText={t('back')}
            onConfirm={() => cancel.mutate()}
          >
            <Button danger>{t('cancelActivity')}</Button>
          </Popconfirm>
        </Space>
      )}
    </Card>
  );
}
