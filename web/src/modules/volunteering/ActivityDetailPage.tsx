import { QrcodeOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Space, Spin, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ApiError, get, post } from '../../api';
import { useBilingual } from '../../components/useBilingual';
import { defineMessages, useMessages } from '../../i18n';
import { useVolLabels } from './labels';
import { volMessages } from './messages';
import { RosterCard } from './RosterCard';
import { AttendanceButton } from './vol-admin';
import { type ActivityDetail, type Shift, showError } from './vol-api';

/** How the member's late or manual check-in (补签) stands with the organizer. */
const REVIEW_TAGS: Record<string, { label: 'reviewPending' | 'reviewApproved' | 'reviewRejected'; color: string }> = {
  pending: { label: 'reviewPending', color: 'gold' },
  approved: { label: 'reviewApproved', color: 'green' },
  rejected: { label: 'reviewRejected', color: 'red' },
};

const local = defineMessages(
  {
    waitlist: '候补',
    waitlistAhead: '候补（前面 {n} 人）',
    waitlistTitle: '“{post}”名额已满',
    waitlistAsk: '加入候补后您排第 {n} 位：有人取消时按加入顺序递补，递补成功会通知您。',
    myPlace: '候补第 {n} 位',
  },
  {
    waitlist: 'Join waiting list',
    waitlistAhead: 'Join waiting list ({n} ahead)',
    waitlistTitle: '“{post}” is full',
    waitlistAsk:
      'You would be number {n}: freed seats go to the waiting list in order, and you are told when you get one.',
    myPlace: 'Waiting list #{n}',
  },
);

/** /volunteer/activities/:id — shifts and seats, my sign-ups; organizers also get the code, roster and close. */
export default function ActivityDetailPage() {
  const t = useMessages(volMessages);
  const w = useMessages(local);
  const L = useBilingual();
  // Dialogs and messages from the app context, so they are drawn in the theme's colour.
  const { message, modal } = App.useApp();
  const labels = useVolLabels();
  const { id } = useParams();
  const qc = useQueryClient();
  const key = ['vol-activity', id];
  const activity = useQuery({ queryKey: key, queryFn: () => get<ActivityDetail>(`/api/volunteer/activities/${id}`) });
  const refresh = () => qc.invalidateQueries({ queryKey: key });
  const signUp = useMutation({
    mutationFn: ({ shift, waitlist }: { shift: Shift; waitlist: boolean }) =>
      post<{ status: string }>(`/api/volunteer/shifts/${shift.id}/signups`, { waitlist }),
    onSuccess: (r) => {
      message.success(r.status === 'waiting' ? t('joinedWaitlist') : t('signedUp'));
      refresh();
    },
    onError: (err, vars) => {
      if (err instanceof ApiError && err.code === 'SHIFT_FULL') {
        askWaitlist(vars.shift);
      } else showError(err);
    },
  });
  // A full shift: say where the person would stand, and join only when they agree.
  const askWaitlist = (shift: Shift) =>
    modal.confirm({
      title: w('waitlistTitle', { post: shift.post }),
      content: w('waitlistAsk', { n: (shift.waiting ?? 0) + 1 }),
      okText: t('joinWaitlist'),
      cancelText: t('notNow'),
      onOk: () => signUp.mutate({ shift, waitlist: true }),
    });
  const cancel = useMutation({
    mutationFn: (signupId: number) => post(`/api/volunteer/signups/${signupId}/cancel`),
    onSuccess: () => {
      message.success(t('signupCancelled'));
      refresh();
    },
    onError: showError,
  });

  if (activity.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (activity.isError) return <Alert type="error" showIcon message={activity.error.message} />;
  const a = activity.data;
  return (
    <div style={{ maxWidth: 900, margin: '0 auto' }}>
      <Flex justify="space-between" align="start" wrap gap={8}>
        <h1 className="pioneer-page-title" style={{ margin: 0 }}>
          {a.title}
        </h1>
        <Tag color={labels.statusColor(a.status)}>{labels.statusText(a.status)}</Tag>
      </Flex>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ margin: '12px 0' }}>
        <Descriptions.Item label={t('time')}>{labels.timeRange(a.startsAt, a.endsAt)}</Descriptions.Item>
        <Descriptions.Item label={t('place')}>{a.place}</Descriptions.Item>
        <Descriptions.Item label={t('category')}>{labels.category(a.category)}</Descriptions.Item>
        <Descriptions.Item label={t('organizer')}>{a.unitName}</Descriptions.Item>
        <Descriptions.Item label={t('audience')}>
          {a.audienceName}
          {a.membersOnly ? t('membersOnlyNote') : ''}
          {a.requiredSkill ? t('needsSkill', { skill: a.requiredSkill }) : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('signupWindow')}>
          {labels.timeRange(a.signupOpensAt, a.signupClosesAt)}
        </Descriptions.Item>
      </Descriptions>
      {a.description && <Typography.Paragraph>{a.description}</Typography.Paragraph>}
      <Link to={`/volunteer/activities/${a.id}/poster`} style={{ display: 'inline-block', marginBottom: 12 }}>
        {L('分享海报', 'Share poster')}
      </Link>
      {a.status === 'published' && (
        <Link to={`/volunteer/check-in?activity=${a.id}`}>
          <Button block style={{ marginBottom: 12 }}>
            {t('checkInOut')}
          </Button>
        </Link>
      )}
      <Space direction="vertical" style={{ width: '100%' }}>
        {a.shifts.map((s) => (
          <Card
            key={s.id}
            size="small"
            title={s.post}
            extra={
              <span>
                {t('seats', { taken: s.taken, capacity: s.capacity })}
                {s.waiting ? t('waitingCount', { n: s.waiting }) : ''}
              </span>
            }
            data-testid="shift-card"
          >
            <div>{labels.timeRange(s.startsAt, s.endsAt)}</div>
            <Flex gap={8} wrap align="center" style={{ marginTop: 8 }}>
              {s.myStatus && (
                <Tag color={labels.statusColor(s.myStatus)}>{labels.statusText(s.myStatus) ?? s.myStatus}</Tag>
              )}
              {/* A late or manual check-in counts only once the organizer approves it: until then the review tag says where it stands. */}
              {s.myCheckedInAt &&
                (!s.myCheckinReview || s.myCheckinReview === 'none' || s.myCheckinReview === 'approved') && (
                  <Tag color="green">{t('checkedIn')}</Tag>
                )}
              {s.myCheckinReview && REVIEW_TAGS[s.myCheckinReview] && (
                <Tag color={REVIEW_TAGS[s.myCheckinReview].color}>{t(REVIEW_TAGS[s.myCheckinReview].label)}</Tag>
              )}
              {s.myStatus === 'waiting' && s.myWaitingPosition ? (
                <Tag color="orange" data-testid="my-waiting-place">
                  {w('myPlace', { n: s.myWaitingPosition })}
                </Tag>
              ) : null}
              {!s.myStatus &&
                a.status === 'published' &&
                (s.taken >= s.capacity ? (
                  <Button loading={signUp.isPending} onClick={() => askWaitlist(s)} data-testid="waitlist-button">
                    {s.waiting ? w('waitlistAhead', { n: s.waiting }) : w('waitlist')}
                  </Button>
                ) : (
                  <Button
                    type="primary"
                    loading={signUp.isPending}
                    onClick={() => signUp.mutate({ shift: s, waitlist: false })}
                  >
                    {t('signUp')}
                  </Button>
                ))}
              {s.mySignupAbilities?.requestManual && s.mySignupId && (
                <AttendanceButton
                  label={t('requestManual')}
                  mode="request"
                  signupId={s.mySignupId}
                  startsAt={s.startsAt}
                  endsAt={s.endsAt}
                  onDone={() => {
                    message.success(t('manualRequested'));
                    refresh();
                  }}
                />
              )}
              {s.mySignupAbilities?.cancel && (
                <Button danger loading={cancel.isPending} onClick={() => cancel.mutate(s.mySignupId!)}>
                  {t('cancelSignup')}
                </Button>
              )}
            </Flex>
          </Card>
        ))}
      </Space>
      {a.abilities.manage && (
        <>
          <Flex gap={8} wrap style={{ margin: '16px 0 8px' }}>
            {a.abilities.showCode && (
              <Link to={`/volunteer/activities/${a.id}/code`}>
                <Button icon={<QrcodeOutlined />}>{t('showCode')}</Button>
              </Link>
            )}
          </Flex>
          <RosterCard activity={a} onChanged={refresh} />
        </>
      )}
    </div>
  );
}
