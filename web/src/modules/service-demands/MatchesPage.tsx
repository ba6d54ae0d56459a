import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Flex, List, Progress, Spin, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { get } from '../../api';
import { defineMessages, useMessages } from '../../i18n';
import type { Ranked } from './demands-api';

const messages = defineMessages(
  {
    title: '需求匹配',
    units: '推荐党支部',
    teams: '推荐服务团队',
    leader: '队长{name}',
    members: '推荐党员',
    need: '所需技能',
    none: '无特定要求',
    load: '在办 {n} 项',
    back: '返回需求',
    why: '量体裁衣：按技能特长（团队按专长）、地点、空闲、在办负担（均衡分配）和同类需求满意度综合排序。',
    within: '已由「{unit}」认领：只推荐该组织的党员和团队，安排党员时按此排序。',
  },
  {
    title: 'Matches',
    units: 'Suggested branches',
    teams: 'Suggested teams',
    leader: 'led by {name}',
    members: 'Suggested members',
    need: 'Skills needed',
    none: 'none in particular',
    load: '{n} open',
    back: 'Back to the need',
    why: 'Ranked by skills and specialty, place, availability, open load (fairness) and past satisfaction on similar needs.',
    within: 'Claimed by {unit}: only its members and teams are suggested, in the order used when assigning.',
  },
);
export interface MatchResult {
  need: { id: number; title: string; requiredSkills: string[]; campus: string | null };
  /** Where the candidates come from: the claiming unit once the need is claimed, else the handling unit. */
  within?: { id: number; name: string; claimed: boolean };
  units: Ranked[];
  /** Volunteer teams (older servers may not send them). */
  teams?: Ranked[];
  members: Ranked[];
}

/** /demands/:id/matches: the 量体裁衣 ranking of branches, teams and members for one need, each with its reasons. */
export default function MatchesPage() {
  const t = useMessages(messages);
  const id = Number(useParams().id);
  const matches = useQuery({
    queryKey: ['demand-matches', id],
    queryFn: () => get<MatchResult>(`/api/demands/${id}/matches`),
  });
  return (
    <>
      <h1 className="pioneer-page-title">{`${t('title')}${matches.data ? `：${matches.data.need.title}` : ''}`}</h1>
      <Link to={`/demands/${id}`}>{t('back')}</Link>
      {matches.isError && <Alert type="error" showIcon message={matches.error.message} style={{ marginTop: 12 }} />}
      <div style={{ marginTop: 12 }}>
        <MatchesView data={matches.data} loading={matches.isPending} />
      </div>
    </>
  );
}

export function MatchesView({ data, loading }: { data: MatchResult | undefined; loading: boolean }) {
  const t = useMessages(messages);
  if (loading) return <Spin style={{ display: 'block', margin: 32 }} />;
  if (!data) return null;
  return (
    <Flex vertical gap={12} data-testid="matches">
      <Typography.Text type="secondary">{t('why')}</Typography.Text>
      {data.within?.claimed && (
        <Alert type="info" showIcon title={t('within', { unit: data.within.name })} data-testid="matches-within" />
      )}
      <div>
        {`${t('need')}：`}
        {data.need.requiredSkills.length ? data.need.requiredSkills.map((s) => <Tag key={s}>{s}</Tag>) : t('none')}
      </div>
      <Flex gap={12} wrap>
        <RankedList title={t('units')} items={data.units} />
        <RankedList title={t('teams')} items={data.teams ?? []} testId="match-teams" />
        <RankedList title={t('members')} items={data.members} />
      </Flex>
    </Flex>
  );
}

function RankedList({ title, items, testId }: { title: string; items: Ranked[]; testId?: string }) {
  const t = useMessages(messages);
  return (
    <Card size="small" title={title} style={{ flex: '1 1 320px', minWidth: 0 }} data-testid={testId}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(c, i) => (
            <List.Item>
              <Flex vertical style={{ width: '100%' }} gap={4}>
                <Flex justify="space-between" align="center" gap={8}>
                  <Typography.Text strong>
                    {`${i + 1}. ${c.name}`}
                    {c.kindLabel && (
                      <Tag color="purple" style={{ marginLeft: 8 }}>
                        {c.kindLabel}
                      </Tag>
                    )}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[
                      c.unitName,
                      c.leaderName ? t('leader', { name: c.leaderName }) : null,
                      c.campus,
                      t('load', { n: c.openLoad }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                </Flex>
                <Progress percent={c.score} size="small" format={(p) => `${p}分`} />
                <Flex wrap gap={4}>
                  {c.reasons.map((r) => (
                    <Tag
                      key={r}
                      color={
                        r.startsWith('具备') || r.startsWith('团队专长涵盖') || r.startsWith('同在')
                          ? 'green'
                          : r.startsWith('缺少') || r.includes('未涵盖') || r.includes('不同')
                            ? 'orange'
                            : 'default'
                      }
                    >
                      {r}
                    </Tag>
                  ))}
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
