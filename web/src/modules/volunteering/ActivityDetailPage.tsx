import { QrcodeOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Modal, message, Space, Spin, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ApiError, get, post } from '../../api';
import { STATUS_TAG } from './labels';
import { RosterCard } from './RosterCard';
import { AttendanceButton } from './vol-admin';
import { type ActivityDetail, categoryLabel, type Shift, showError, timeRange } from './vol-api';

/** How the member's late or manual check-in (补签) stands with the organizer. */
const REVIEW_TAGS: Record<string, { label: string; color: string }> = {
  pending: { label: '补签待审核', color: 'gold' },
  approved: { label: '补签已通过', color: 'green' },
  rejected: { label: '补签未通过', color: 'red' },
};

/** /volunteer/activities/:id — shifts and seats, my sign-ups; organizers also get the code, roster and close. */
export default function ActivityDetailPage() {
  const { id } = useParams();
  const qc = useQueryClient();
  const key = ['vol-activity', id];
  const activity = useQuery({ queryKey: key, queryFn: () => get<ActivityDetail>(`/api/volunteer/activities/${id}`) });
  const refresh = () => qc.invalidateQueries({ queryKey: key });
  const signUp = useMutation({
    mutationFn: ({ shift, waitlist }: { shift: Shift; waitlist: boolean }) =>
      post<{ status: string }>(`/api/volunteer/shifts/${shift.id}/signups`, { waitlist }),
    onSuccess: (r) => {
      message.success(r.status === 'waiting' ? '已加入候补名单，有人取消时按顺序递补' : '报名成功');
      refresh();
    },
    onError: (err, vars) => {
      if (err instanceof ApiError && err.code === 'SHIFT_FULL') {
        Modal.confirm({
          title: '名额已满',
          content: '是否加入候补名单？有人取消时将按加入顺序递补。',
          okText: '加入候补',
          cancelText: '暂不',
          onOk: () => signUp.mutate({ shift: vars.shift, waitlist: true }),
        });
      } else showError(err);
    },
  });
  const cancel = useMutation({
    mutationFn: (signupId: number) => post(`/api/volunteer/signups/${signupId}/cancel`),
    onSuccess: () => {
      message.success('已取消报名');
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
        <Tag color={STATUS_TAG[a.status].color}>{STATUS_TAG[a.status].text}</Tag>
      </Flex>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ margin: '12px 0' }}>
        <Descriptions.Item label="时间">{timeRange(a.startsAt, a.endsAt)}</Descriptions.Item>
        <Descriptions.Item label="地点">{a.place}</Descriptions.Item>
        <Descriptions.Item label="类别">{categoryLabel(a.category)}</Descriptions.Item>
        <Descriptions.Item label="组织单位">{a.unitName}</Descriptions.Item>
        <Descriptions.Item label="报名范围">
          {a.audienceName}
          {a.membersOnly ? '（仅限党员）' : ''}
          {a.requiredSkill ? `，需要「${a.requiredSkill}」` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="报名时间">{timeRange(a.signupOpensAt, a.signupClosesAt)}</Descriptions.Item>
      </Descriptions>
      {a.description && <Typography.Paragraph>{a.description}</Typography.Paragraph>}
      {a.status === 'published' && (
        <Link to={`/volunteer/check-in?activity=${a.id}`}>
          <Button block style={{ marginBottom: 12 }}>
            签到 / 签退
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
                名额 {s.taken}/{s.capacity}
                {s.waiting ? `，候补 ${s.waiting}` : ''}
              </span>
            }
            data-testid="shift-card"
          >
            <div>{timeRange(s.startsAt, s.endsAt)}</div>
            <Flex gap={8} wrap align="center" style={{ marginTop: 8 }}>
              {s.myStatus && (
                <Tag color={STATUS_TAG[s.myStatus]?.color}>{STATUS_TAG[s.myStatus]?.text ?? s.myStatus}</Tag>
              )}
              {s.myCheckedInAt && <Tag color="green">已签到</Tag>}
              {s.myCheckinReview && REVIEW_TAGS[s.myCheckinReview] && (
                <Tag color={REVIEW_TAGS[s.myCheckinReview].color}>{REVIEW_TAGS[s.myCheckinReview].label}</Tag>
              )}
              {!s.myStatus && a.status === 'published' && (
                <Button
                  type="primary"
                  loading={signUp.isPending}
                  onClick={() => signUp.mutate({ shift: s, waitlist: false })}
                >
                  报名
                </Button>
              )}
              {s.mySignupAbilities?.requestManual && s.mySignupId && (
                <AttendanceButton
                  label="申请补签"
                  mode="request"
                  signupId={s.mySignupId}
                  startsAt={s.startsAt}
                  endsAt={s.endsAt}
                  onDone={() => {
                    message.success('补签申请已提交，等待组织者审核');
                    refresh();
                  }}
                />
              )}
              {s.mySignupAbilities?.cancel && (
                <Button danger loading={cancel.isPending} onClick={() => cancel.mutate(s.mySignupId!)}>
                  取消报名
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
                <Button icon={<QrcodeOutlined />}>出示签到码</Button>
              </Link>
            )}
          </Flex>
          <RosterCard activity={a} onChanged={refresh} />
        </>
      )}
    </div>
  );
}
