import { TEAM_KIND_LABELS, TEAM_KINDS, type TeamKind } from '@pioneer/domain';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { get } from '../../api';
import { STATUS_TAG } from './labels';
import { type ActivitySummary, hours, timeRange } from './vol-api';

interface Team {
  id: number;
  name: string;
  kind: TeamKind;
  unitName: string;
  leaderName: string;
  specialties: string[];
  partnerName: string | null;
  description: string;
  memberCount: number;
}
interface TeamDetail extends Team {
  year: number;
  members: { personId: number; name: string; volunteerNo: string | null; isLeader: boolean; teamMinutes: number }[];
  totals: { year: number; minutes: number; people: number }[];
  activities: ActivitySummary[];
}

/** /volunteer/teams — 示范团队、先锋队、志愿服务队 the person can see (their units' and their own). */
export default function TeamsPage() {
  const [kind, setKind] = useState('all');
  const teams = useQuery({ queryKey: ['vol-teams'], queryFn: () => get<{ items: Team[] }>('/api/volunteer/teams') });
  const items = (teams.data?.items ?? []).filter((t) => kind === 'all' || t.kind === kind);
  return (
    <div style={{ maxWidth: 900, margin: '0 auto' }}>
      <h1 className="pioneer-page-title">服务团队</h1>
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
  const team = useQuery({ queryKey: ['vol-team', id], queryFn: () => get<TeamDetail>(`/api/volunteer/teams/${id}`) });
  if (!team.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  const t = team.data;
  return (
    <div style={{ maxWidth: 900, margin: '0 auto' }}>
      <h1 className="pioneer-page-title">{t.name}</h1>
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
      <Card size="small" title={`成员（${t.members.length}）`} style={{ marginBottom: 12 }}>
        <List
          dataSource={t.members}
          renderItem={(m) => (
            <List.Item extra={`${t.year}年团队服务 ${hours(m.teamMinutes)}`}>
              {m.name} {m.isLeader && <Tag color="red">队长</Tag>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {m.volunteerNo}
              </Typography.Text>
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
