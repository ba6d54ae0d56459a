import { PlusOutlined } from '@ant-design/icons';
import { TEAM_KIND_LABELS, TEAM_KINDS, type TeamKind } from '@pioneer/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, List, message, Popconfirm, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { del, get, post } from '../../api';
import { useSession } from '../../session';
import { PersonPicker } from '../access/PersonPicker';
import { hasPermission } from '../types';
import { STATUS_TAG } from './labels';
import { TeamFormDialog } from './TeamFormDialog';
import { type Abilities, type ActivitySummary, hours, showError, timeRange } from './vol-api';

interface Team {
  id: number;
  name: string;
  kind: TeamKind;
  unitId: number;
  unitName: string;
  leaderPersonId: number;
  leaderName: string;
  partnerId: number | null;
  specialties: string[];
  partnerName: string | null;
  description: string;
  memberCount: number;
  abilities: Abilities;
}
interface TeamDetail extends Team {
  year: number;
  members: { personId: number; name: string; volunteerNo: string | null; isLeader: boolean; teamMinutes: number }[];
  totals: { year: number; minutes: number; people: number }[];
  activities: ActivitySummary[];
}

/** /volunteer/teams — 示范团队、先锋队、志愿服务队 the person can see (their units' and their own). */
export default function TeamsPage() {
  const { me } = useSession();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [kind, setKind] = useState('all');
  const [creating, setCreating] = useState(false);
  const teams = useQuery({ queryKey: ['vol-teams'], queryFn: () => get<{ items: Team[] }>('/api/volunteer/teams') });
  const items = (teams.data?.items ?? []).filter((t) => kind === 'all' || t.kind === kind);
  return (
    <div style={{ maxWidth: 900, margin: '0 auto' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <h1 className="pioneer-page-title">服务团队</h1>
        {hasPermission(me, 'volunteer.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            组建团队
          </Button>
        )}
      </Flex>
      {creating && (
        <TeamFormDialog
          open
          onClose={() => setCreating(false)}
          onSaved={(id) => {
            setCreating(false);
            message.success('团队已组建');
            qc.invalidateQueries({ queryKey: ['vol-teams'] });
            navigate(`/volunteer/teams/${id}`);
          }}
        />
      )}
      <Segmented
        block
        style={{ marginBottom: 12 }}
        value={kind}
        onChange={(v) => setKind(String(v))}
        options={[
          { value: 'all', label: '全部' },
          ...TEAM_KINDS.map((k) => ({ value: k, label: TEAM_KIND_LABELS[k].replace(/^(校内|服务地方|师生)/, '') })),
        ]}
      />
      {teams.isSuccess && items.length === 0 && <Empty />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {items.map((t) => (
          <Link key={t.id} to={`/volunteer/teams/${t.id}`}>
            <Card size="small" hoverable title={t.name} extra={<Tag color="purple">{TEAM_KIND_LABELS[t.kind]}</Tag>}>
              <div>
                {t.unitName} · 队长 {t.leaderName} · {t.memberCount} 人{t.partnerName ? ` · 服务 ${t.partnerName}` : ''}
              </div>
              <Space wrap size={4} style={{ marginTop: 4 }}>
                {t.specialties.map((s) => (
                  <Tag key={s}>{s}</Tag>
                ))}
              </Space>
            </Card>
          </Link>
        ))}
      </Space>
    </div>
  );
}

export function TeamDetailPage() {
  const { id } = useParams();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [newMember, setNewMember] = useState<number | null>(null);
  const team = useQuery({ queryKey: ['vol-team', id], queryFn: () => get<TeamDetail>(`/api/volunteer/teams/${id}`) });
  const refresh = () => {
    qc.invalidateQueries({ queryKey: ['vol-team', id] });
    qc.invalidateQueries({ queryKey: ['vol-teams'] });
  };
  const add = useMutation({
    mutationFn: (personId: number) => post(`/api/volunteer/teams/${id}/members`, { personId }),
    onSuccess: () => {
      message.success('已加入团队');
      setNewMember(null);
      refresh();
    },
    onError: showError,
  });
  const remove = useMutation({
    mutationFn: (personId: number) => del(`/api/volunteer/teams/${id}/members/${personId}`),
    onSuccess: () => {
      message.success('已移出团队');
      refresh();
    },
    onError: showError,
  });
  if (team.isError) return <Empty description={team.error.message} style={{ margin: 48 }} />;
  if (!team.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  const t = team.data;
  return (
    <div style={{ maxWidth: 900, margin: '0 auto' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <h1 className="pioneer-page-title">{t.name}</h1>
        {t.abilities.update && <Button onClick={() => setEditing(true)}>修改团队</Button>}
      </Flex>
      {editing && (
        <TeamFormDialog
          open
          teamId={t.id}
          initial={{
            name: t.name,
            kind: t.kind,
            unitId: t.unitId,
            leaderPersonId: t.leaderPersonId,
            leaderName: t.leaderName,
            specialties: t.specialties,
            partnerId: t.partnerId,
            description: t.description,
          }}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            message.success('已保存');
            refresh();
          }}
        />
      )}
      <Typography.Paragraph>
        <Tag color="purple">{TEAM_KIND_LABELS[t.kind]}</Tag> {t.unitName} · 队长 {t.leaderName}
        {t.partnerName ? ` · 服务 ${t.partnerName}` : ''}
      </Typography.Paragraph>
      {t.description && <Typography.Paragraph type="secondary">{t.description}</Typography.Paragraph>}
      <Space wrap style={{ marginBottom: 12 }}>
        {t.totals.map((y) => (
          <Tag key={y.year} color="green">
            {y.year}年：{hours(y.minutes)}，{y.people} 人次
          </Tag>
        ))}
      </Space>
      <Card size="small" title={`成员（${t.members.length}）`} style={{ marginBottom: 12 }} data-testid="team-members">
        {t.abilities.manageMembers && (
          <Flex gap={8} wrap style={{ marginBottom: 8 }}>
            <PersonPicker value={newMember} onChange={setNewMember} placeholder="搜索要加入的成员" />
            <Button
              type="primary"
              disabled={!newMember}
              loading={add.isPending}
              onClick={() => newMember && add.mutate(newMember)}
            >
              加入团队
            </Button>
          </Flex>
        )}
        <List
          dataSource={t.members}
          locale={{ emptyText: '暂无成员' }}
          renderItem={(m) => (
            <List.Item
              actions={
                t.abilities.manageMembers && !m.isLeader
                  ? [
                      <Popconfirm
                        key="rm"
                        title={`把 ${m.name} 移出团队？`}
                        okText="移出"
                        cancelText="取消"
                        onConfirm={() => remove.mutate(m.personId)}
                      >
                        <Button size="small" type="link" danger>
                          移出
                        </Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    {m.name}
                    {m.isLeader && <Tag color="red">队长</Tag>}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {m.volunteerNo}
                    </Typography.Text>
                  </Space>
                }
                description={`${t.year}年团队服务 ${hours(m.teamMinutes)}`}
              />
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title="团队活动">
        <List
          dataSource={t.activities}
          locale={{ emptyText: '暂无活动' }}
          renderItem={(a) => (
            <List.Item extra={<Tag color={STATUS_TAG[a.status].color}>{STATUS_TAG[a.status].text}</Tag>}>
              <Link to={`/volunteer/activities/${a.id}`}>{a.title}</Link>
              <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                {timeRange(a.startsAt, a.endsAt)}
              </Typography.Text>
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
