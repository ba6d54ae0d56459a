import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Rate,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { get, post } from '../../api';
import { showServerErrors } from '../../forms';
import { defineMessages, useMessages } from '../../i18n';
import { useSession } from '../../session';
import { UnitTreeSelect } from '../org/UnitTreeSelect';
import { type ClaimTeam, type DemandDetail, useCategories } from './demands-api';
import type { MatchResult } from './MatchesPage';
import { CompleteForm, MembersForm } from './ServiceForms';

const messages = defineMessages(
  {
    triage: '分拣归类',
    publish: '发布',
    merge: '合并重复',
    reject: '不予受理',
    claim: '认领',
    claimAsMember: '我来认领',
    assign: '指派',
    release: '退回认领',
    assignMembers: '安排党员',
    start: '开始服务',
    complete: '完成服务',
    rate: '评价',
    withdraw: '撤回',
    close: '办结',
    note: '添加备注',
    category: '类别',
    newTitle: '公开标题（可修改）',
    newDescription: '公开描述（可删去隐私信息）',
    note_: '说明',
    public: '对需求人公开',
    duplicateOf: '与哪条需求重复（编号）',
    reason: '原因',
    unit: '组织',
    team: '服务队/小组（选填）',
    claimTeam: '以团队名义认领（选填）',
    claimTeamHint: '选择团队后，由团队认领，队长负责组织服务；不选则以组织名义认领',
    claimTeamLeaderHint: '选择您担任队长的团队，即以团队名义认领；不选则以党员个人身份认领',
    teamOption: '{name}（{kind} · {unit} · 队长{leader} · {n}人）',
    score: '满意度',
    comment: '意见',
    done: '已办理',
    required: '必填',
    suggested: '量体裁衣推荐（点选即填入）',
    matchScore: '{n} 分',
  },
  {
    triage: 'Triage',
    publish: 'Publish',
    merge: 'Merge duplicate',
    reject: 'Reject',
    claim: 'Claim',
    claimAsMember: 'I’ll take it',
    assign: 'Assign',
    release: 'Release',
    assignMembers: 'Assign members',
    start: 'Start',
    complete: 'Complete',
    rate: 'Rate',
    withdraw: 'Withdraw',
    close: 'Close',
    note: 'Add note',
    category: 'Category',
    newTitle: 'Public title (editable)',
    newDescription: 'Public description (remove private details)',
    note_: 'Note',
    public: 'Visible to requester',
    duplicateOf: 'Duplicate of need #',
    reason: 'Reason',
    unit: 'Unit',
    team: 'Team (optional)',
    claimTeam: 'Claim as a team (optional)',
    claimTeamHint: 'Choose a team to claim for it (its leader runs the service); leave empty to claim for the unit',
    claimTeamLeaderHint: 'Choose a team you lead to claim for it; leave empty to claim personally',
    teamOption: '{name} ({kind} · {unit} · led by {leader} · {n})',
    score: 'Satisfaction',
    comment: 'Comment',
    done: 'Done',
    required: 'Required',
    suggested: 'Suggested by matching (tap to choose)',
    matchScore: '{n} pts',
  },
);
type Key = keyof DemandDetail['abilities'] & keyof typeof messages.zh;
const ORDER: Key[] = [
  'triage',
  'publish',
  'claim',
  'claimAsMember',
  'assign',
  'assignMembers',
  'start',
  'complete',
  'rate',
  'release',
  'merge',
  'reject',
  'withdraw',
  'close',
  'note',
];
const PATHS: Partial<Record<Key, string>> = { claimAsMember: 'claim', assignMembers: 'members', note: 'notes' };
const CLAIM_ROLES = ['branch_secretary', 'general_branch_secretary'];

/** The buttons the person's abilities allow on this need, each opening its small form. */
export function DemandActions({ demand }: { demand: DemandDetail }) {
  const t = useMessages(messages);
  const [open, setOpen] = useState<Key | null>(null);
  const keys = ORDER.filter((k) => demand.abilities[k]);
  if (keys.length === 0) return null;
  return (
    <>
      <Space wrap data-testid="demand-actions">
        {keys.map((k, i) => (
          <Button
            key={k}
            type={i === 0 ? 'primary' : 'default'}
            danger={k === 'reject' || k === 'withdraw'}
            onClick={() => setOpen(k)}
          >
            {t(k)}
          </Button>
        ))}
      </Space>
      {open && <ActionDialog demand={demand} action={open} onClose={() => setOpen(null)} />}
    </>
  );
}

function ActionDialog({ demand, action, onClose }: { demand: DemandDetail; action: Key; onClose(): void }) {
  const t = useMessages(messages);
  const { message } = App.useApp();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const categories = useCategories();
  const run = useMutation({
    mutationFn: (body: Record<string, unknown>) => post(`/api/demands/${demand.id}/${PATHS[action] ?? action}`, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['demand', demand.id] });
      await queryClient.invalidateQueries({ queryKey: ['demands'] });
      message.success(t('done'));
      onClose();
    },
    onError: (err) =>
      setError(
        showServerErrors(form, err, [
          'categoryId',
          'title',
          'description',
          'note',
          'reason',
          'duplicateOfId',
          'unitId',
          'teamId',
          'teamName',
          'score',
          'comment',
          'personIds',
          'result',
        ]),
      ),
  });
  const required = [{ required: true, message: t('required') }];
  const noteItem = (
    <Form.Item name="note" label={t('note_')}>
      <Input.TextArea rows={2} maxLength={1000} />
    </Form.Item>
  );
  const teamId = Form.useWatch('teamId', form) as number | undefined;
  const claimTeams = useQuery({
    queryKey: ['demand-claim-teams', demand.id],
    queryFn: () => get<{ items: ClaimTeam[] }>(`/api/demands/${demand.id}/claim-teams`),
    enabled: action === 'claim' || action === 'claimAsMember',
  });
  const teamOptions = (leaderOnly: boolean) =>
    (claimTeams.data?.items ?? [])
      .filter((x) => !leaderOnly || x.asLeader)
      .map((x) => ({
        value: x.id,
        label: t('teamOption', {
          name: x.name,
          kind: x.kindLabel,
          unit: x.unitName,
          leader: x.leaderName,
          n: x.memberCount,
        }),
      }));
  const teamItem = (leaderOnly: boolean) =>
    teamOptions(leaderOnly).length > 0 && (
      <Form.Item name="teamId" label={t('claimTeam')} extra={t(leaderOnly ? 'claimTeamLeaderHint' : 'claimTeamHint')}>
        <Select allowClear options={teamOptions(leaderOnly)} data-testid="claim-team" />
      </Form.Item>
    );
  const claimUnits = me.roles
    .filter((r) => CLAIM_ROLES.includes(r.role))
    .map((r) => ({ value: r.unitId, label: r.unitName }));
  const bodies: Partial<Record<Key, ReactNode>> = {
    triage: (
      <>
        <Form.Item name="categoryId" label={t('category')} rules={required} initialValue={demand.category?.id}>
          <Select
            options={(categories.data?.items ?? [])
              .filter((c) => c.active)
              .map((c) => ({ value: c.id, label: `${c.group} · ${c.name}` }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('newTitle')} initialValue={demand.title}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('newDescription')} initialValue={demand.description}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {noteItem}
      </>
    ),
    publish: noteItem,
    start: noteItem,
    close: noteItem,
    merge: (
      <>
        <Form.Item name="duplicateOfId" label={t('duplicateOf')} rules={required}>
          <InputNumber min={1} style={{ width: '100%' }} />
        </Form.Item>
        {noteItem}
      </>
    ),
    claim: (
      <>
        {teamItem(false)}
        {!teamId && (
          <>
            <Form.Item name="unitId" label={t('unit')} rules={required} initialValue={claimUnits[0]?.value}>
              <Select options={claimUnits} />
            </Form.Item>
            <Form.Item name="teamName" label={t('team')}>
              <Input maxLength={50} />
            </Form.Item>
          </>
        )}
        {noteItem}
      </>
    ),
    claimAsMember: (
      <>
        {teamItem(true)}
        {noteItem}
      </>
    ),
    assign: (
      <>
        <SuggestedUnits
          demandId={demand.id}
          enabled={demand.abilities.matches}
          onPick={(id) => form.setFieldValue('unitId', id)}
        />
        <Form.Item name="unitId" label={t('unit')} rules={required}>
          <UnitTreeSelect />
        </Form.Item>
        <Form.Item name="teamName" label={t('team')}>
          <Input maxLength={50} />
        </Form.Item>
        {noteItem}
      </>
    ),
    rate: (
      <>
        <Form.Item name="score" label={t('score')} rules={required}>
          <Rate aria-label={t('score')} />
        </Form.Item>
        <Form.Item name="comment" label={t('comment')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </>
    ),
    note: (
      <>
        <Form.Item name="note" label={t('note_')} rules={required}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="public" label={t('public')} valuePropName="checked" initialValue={false}>
          <Switch />
        </Form.Item>
      </>
    ),
  };
  for (const k of ['reject', 'withdraw', 'release'] as const) {
    bodies[k] = (
      <Form.Item name="reason" label={t('reason')} rules={required}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    );
  }
  const submit = (values: Record<string, unknown>) => {
    setError(null);
    const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
    // A chosen team claims by itself (团队认领); the unit and free-text team name then do not apply.
    if (body.teamId) run.mutate({ teamId: body.teamId, note: body.note ?? '' });
    else run.mutate(action === 'claimAsMember' ? { ...body, asMember: true } : body);
  };
  return (
    <Modal
      open
      title={t(action)}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={action === 'complete' || action === 'assignMembers' ? 640 : 520}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {action === 'assignMembers' ? (
        <MembersForm demand={demand} pending={run.isPending} onSubmit={(personIds) => run.mutate({ personIds })} />
      ) : action === 'complete' ? (
        <CompleteForm demand={demand} pending={run.isPending} onSubmit={(body) => run.mutate(body)} />
      ) : (
        <Form form={form} layout="vertical" onFinish={submit}>
          {bodies[action]}
          <Button type="primary" htmlType="submit" block loading={run.isPending}>
            {t(action)}
          </Button>
        </Form>
      )}
    </Modal>
  );
}

/** The office's 指派: the branches 量体裁衣 ranks highest for this need, with their reasons; a tap picks one. */
function SuggestedUnits({
  demandId,
  enabled,
  onPick,
}: {
  demandId: number;
  enabled: boolean;
  onPick(id: number): void;
}) {
  const t = useMessages(messages);
  const matches = useQuery({
    queryKey: ['demand-matches', demandId],
    queryFn: () => get<MatchResult>(`/api/demands/${demandId}/matches`),
    enabled,
    retry: false,
  });
  const units = matches.data?.units.slice(0, 5) ?? [];
  if (units.length === 0) return null;
  return (
    <Form.Item label={t('suggested')}>
      <List
        size="small"
        bordered
        dataSource={units}
        data-testid="suggested-units"
        renderItem={(u, i) => (
          <List.Item style={{ cursor: 'pointer', padding: '6px 10px' }} onClick={() => onPick(u.id)}>
            <Flex vertical gap={2} style={{ width: '100%' }}>
              <span>
                <Typography.Text strong>{`${i + 1}. ${u.name}`}</Typography.Text>
                <Typography.Text
                  type="secondary"
                  style={{ fontSize: 12 }}
                >{`　${t('matchScore', { n: u.score })}`}</Typography.Text>
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {u.reasons.join('；')}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Form.Item>
  );
}
