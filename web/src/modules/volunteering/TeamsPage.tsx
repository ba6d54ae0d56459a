import { PlusOutlined } from '@ant-design/icons';
import { TEAM_KINDS, type TeamKind } from '@pioneer/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, List, message, Popconfirm, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { del, get, post } from '../../api';
import { useMessages } from '../../i18n';
import { useSession } from '../../session';
import { PersonPicker } from '../access/PersonPicker';
import { hasPermission } from '../types';
import { useVolLabels } from './labels';
import { volAdminMessages } from './messages-admin';
import { TeamFormDialog } from './TeamFormDialog';
import { type Abilities, type ActivitySummary, showError } from './vol-api';

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
  const t = useMessages(volAdminMessages);
  const labels = useVolLabels();
  const { me } = useSession();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [kind, setKind] = useState('all');
  const [creating, setCreating] = useState(false);
  const teams = useQuery({ queryKey: ['vol-teams'], queryFn: () => get<{ items: Team[] }>('/api/volunteer/teams') });
  const items = (teams.data?.items ?? []).filter((team) => kind === 'all' || team.kind === kind);
  return (
    <div style={{ maxWidth: 900, margin: '0 auto' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <h1 className="pioneer-page-title">{t('teams')}</h1>
        {hasPermission(me, 'volunteer.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('createTeam')}
          </Button>
        )}
      </Flex>
      {creating && (
        <TeamFormDialog
          open
          onClose={() => setCreating(false)}
          onSaved={(id) => {
            setCreating(false);
            message.success(t('teamCreated'));
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
          { value: 'all', label: t('all') },
          ...TEAM_KINDS.map((k) => ({ value: k, label: labels.teamKindShort(k) })),
        ]}
      />
      {teams.isSuccess && items.length === 0 && <Empty />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {items.map((team) => (
          <Link key={team.id} to={`/volunteer/teams/${team.id}`}>
            <Card
              size="small"
              hoverable
              title={team.name}
              extra={<Tag color="purple">{labels.teamKind(team.kind)}</Tag>}
            >
              <div>
                {t('teamSummary', { unit: team.unitName, leader: team.leaderName, count: team.memberCount })}
                {team.partnerName ? t('serving', { partner: team.partnerName }) : ''}
              </div>
              <Space wrap size={4} style={{ marginTop: 4 }}>
                {team.specialties.map((s) => (
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
  const t = useMessages(volAdminMessages);
  const labels = useVolLabels();
  const { id } = useParams();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [newMember, setNewMember] = useState<number | null>(null);
  const detail = useQuery({ queryKey: ['vol-team', id], queryFn: () => get<TeamDetail>(`/api/volunteer/teams/${id}`) });
  const refresh = () => {
    qc.invalidateQueries({ queryKey: ['vol-team', id] });
    qc.invalidateQueries({ queryKey: ['vol-teams'] });
  };
  const add = useMutation({
    mutationFn: (personId: number) => post(`/api/volunteer/teams/${id}/members`, { personId }),
    onSuccess: () => {
      message.success(t('memberAdded'));
      setNewMember(null);
      refresh();
    },
    onError: showError,
  });
  const remove = useMutation({
    mutationFn: (personId: number) => del(`/api/volunteer/teams/${id}/members/${personId}`),
    onSuccess: () => {
      message.success(t('memberRemoved'));
      refresh();
    },
    onError: showError,
  });
  if (detail.isError) return <Empty description={detail.error.message} style={{ margin: 48 }} />;
  if (!detail.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  const team = detail.data;
  return (
    <div style={{ maxWidth: 900, margin: '0 auto' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <h1 className="pioneer-page-title">{team.name}</h1>
        {team.abilities.update && <Button onClick={() => setEditing(true)}>{t('editTeam')}</Button>}
      </Flex>
      {editing && (
        <TeamFormDialog
          open
          teamId={team.id}
          initial={{
            name: team.name,
            kind: team.kind,
            unitId: team.unitId,
            leaderPersonId: team.leaderPersonId,
            leaderName: team.leaderName,
            specialties: team.specialties,
            partnerId: team.partnerId,
            description: team.description,
          }}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            message.success(t('saved'));
            refresh();
          }}
        />
      )}
      <Typography.Paragraph>
        <Tag color="purple">{labels.teamKind(team.kind)}</Tag>{' '}
        {t('unitAndLeader', { unit: team.unitName, leader: team.leaderName })}
        {team.partnerName ? t('serving', { partner: team.partnerName }) : ''}
      </Typography.Paragraph>
      {team.description && <Typography.Paragraph type="secondary">{team.description}</Typography.Paragraph>}
      <Space wrap style={{ marginBottom: 12 }}>
        {team.totals.map((y) => (
          <Tag key={y.year} color="green">
            {t('yearTotal', { year: y.year, hours: labels.hours(y.minutes), people: y.people })}
          </Tag>
        ))}
      </Space>
      <Card
        size="small"
        title={t('members', { n: team.members.length })}
        style={{ marginBottom: 12 }}
        data-testid="team-members"
      >
        {team.abilities.manageMembers && (
          <Flex gap={8} wrap style={{ marginBottom: 8 }}>
            <PersonPicker value={newMember} onChange={setNewMember} placeholder={t('memberSearch')} />
            <Button
              type="primary"
              disabled={!newMember}
              loading={add.isPending}
              onClick={() => newMember && add.mutate(newMember)}
            >
              {t('addMember')}
            </Button>
          </Flex>
        )}
        <List
          dataSource={team.members}
          locale={{ emptyText: t('noMembers') }}
          renderItem={(m) => (
            <List.Item
              actions={
                team.abilities.manageMembers && !m.isLeader
                  ? [
                      <Popconfirm
                        key="rm"
                        title={t('removeConfirm', { name: m.name })}
                        okText={t('removeMember')}
                        cancelText={t('cancel')}
                        onConfirm={() => remove.mutate(m.personId)}
                      >
                        <Button size="small" type="link" danger>
                          {t('removeMember')}
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
                    {m.isLeader && <Tag color="red">{t('leader')}</Tag>}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {m.volunteerNo}
                    </Typography.Text>
                  </Space>
                }
                description={t('memberYear', { year: team.year, hours: labels.hours(m.teamMinutes) })}
              />
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('teamActivities')}>
        <List
          dataSource={team.activities}
          locale={{ emptyText: t('noActivities') }}
          renderItem={(a) => (
            <List.Item extra={<Tag color={labels.statusColor(a.status)}>{labels.statusText(a.status)}</Tag>}>
              <Link to={`/volunteer/activities/${a.id}`}>{a.title}</Link>
              <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                {labels.timeRange(a.startsAt, a.endsAt)}
              </Typography.Text>
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
