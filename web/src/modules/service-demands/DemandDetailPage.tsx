import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Card,
  Descriptions,
  Flex,
  Image,
  Rate,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useParams } from 'react-router';
import { get } from '../../api';
import { defineMessages, useMessages } from '../../i18n';
import { DemandActions } from './DemandActions';
import { ClockTag } from './DemandTable';
import { type DemandDetail, useDemand } from './demands-api';
import { stateColor, useDemandLabels } from './labels';
import { MatchesView, type MatchResult } from './MatchesPage';
import { demandMessages } from './messages';

const messages = defineMessages(
  {
    detail: '详情',
    timeline: '时间线',
    matches: '需求匹配',
    requester: '需求人',
    entered: '（代为登记）',
    trackingCode: '查询码',
    ratingLink: '评价链接（可转交需求人）',
    handling: '受理组织',
    claim: '认领方',
    members: '服务党员',
    minutes: '时长（分钟）',
    round: '第 {n} 轮',
    ratings: '评价',
    photos: '服务照片',
    internal: '内部',
    duplicateOf: '与需求 #{id} 重复',
  },
  {
    detail: 'Detail',
    timeline: 'Timeline',
    matches: 'Matches',
    requester: 'Requester',
    entered: ' (entered by office)',
    trackingCode: 'Tracking code',
    ratingLink: 'Rating link (pass on to the requester)',
    handling: 'Handling unit',
    claim: 'Claimed by',
    members: 'Members',
    minutes: 'Minutes',
    round: 'Round {n}',
    ratings: 'Ratings',
    photos: 'Photos',
    internal: 'internal',
    duplicateOf: 'Duplicate of #{id}',
  },
);
const fmt = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** /demands/:id: one need, its timeline, who served, ratings, and the actions the person may take. */
export default function DemandDetailPage() {
  const t = useMessages(messages);
  const id = Number(useParams().id);
  const demand = useDemand(id);
  const matches = useQuery({
    queryKey: ['demand-matches', id],
    queryFn: () => get<MatchResult>(`/api/demands/${id}/matches`),
    enabled: Boolean(demand.data?.abilities.matches),
  });
  if (demand.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (demand.isError) return <Alert type="error" showIcon message={demand.error.message} />;
  const d = demand.data;
  return (
    <>
      <Flex justify="space-between" align="start" wrap gap={8}>
        <h1 className="pioneer-page-title" style={{ margin: 0 }}>{`#${d.id} ${d.title}`}</h1>
        <Space wrap>
          <StateTag demand={d} />
          <ClockTag demand={d} />
        </Space>
      </Flex>
      <div style={{ margin: '12px 0' }}>
        <DemandActions demand={d} />
      </div>
      <Tabs
        items={[
          { key: 'detail', label: t('detail'), children: <Detail demand={d} /> },
          { key: 'timeline', label: t('timeline'), children: <DemandTimeline demand={d} /> },
          ...(d.abilities.matches
            ? [
                {
                  key: 'matches',
                  label: t('matches'),
                  children: <MatchesView data={matches.data} loading={matches.isPending} />,
                },
              ]
            : []),
        ]}
      />
    </>
  );
}

function StateTag({ demand }: { demand: DemandDetail }) {
  const labels = useDemandLabels();
  return (
    <Tag color={stateColor(demand.state)} data-testid="demand-state">
      {labels.state(demand.state)}
    </Tag>
  );
}

function Detail({ demand: d }: { demand: DemandDetail }) {
  const t = useMessages(messages);
  const m = useMessages(demandMessages);
  const labels = useDemandLabels();
  const servedNow = d.services.filter((s) => s.round === d.round || d.services.every((x) => x.round !== d.round));
  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={m('description')} span="filled">
            {d.description}
          </Descriptions.Item>
          <Descriptions.Item label={m('category')}>
            {d.category ? `${d.category.group} · ${d.category.name}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={m('audience')}>{labels.audience(d.audience)}</Descriptions.Item>
          <Descriptions.Item label={m('channel')}>{labels.channel(d.channel)}</Descriptions.Item>
          <Descriptions.Item label={t('handling')}>{d.handlingUnit.name}</Descriptions.Item>
          {d.claim && (
            <Descriptions.Item label={t('claim')}>
              {[d.claim.unitName, d.claim.team, d.claim.personName].filter(Boolean).join(' · ')}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={m('location')}>
            {[d.campus, d.location].filter(Boolean).join(' · ') || '—'}
          </Descriptions.Item>
          {d.neededOn && <Descriptions.Item label={m('neededOn')}>{d.neededOn}</Descriptions.Item>}
          <Descriptions.Item label={t('requester')}>
            {`${d.requester.name}${d.requester.phone ? ` ${d.requester.phone}` : ''}${d.requester.enteredBy ? t('entered') : ''}`}
          </Descriptions.Item>
          {d.requester.address && <Descriptions.Item label={m('address')}>{d.requester.address}</Descriptions.Item>}
          <Descriptions.Item label={m('submittedAt')}>{fmt(d.submittedAt)}</Descriptions.Item>
          {d.trackingCode && (
            <Descriptions.Item label={t('trackingCode')}>
              <Typography.Text copyable>{d.trackingCode}</Typography.Text>
            </Descriptions.Item>
          )}
          {d.ratingLink && (
            <Descriptions.Item label={t('ratingLink')} span="filled">
              <Typography.Text copyable={{ text: `${window.location.origin}${d.ratingLink}` }}>
                {d.ratingLink}
              </Typography.Text>
            </Descriptions.Item>
          )}
          {d.duplicateOf && <Descriptions.Item label="">{t('duplicateOf', { id: d.duplicateOf })}</Descriptions.Item>}
          {d.result && (
            <Descriptions.Item label={m('result')} span="filled">
              {d.result}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {(d.assignees.length > 0 || d.services.length > 0) && (
        <Card size="small" title={t('members')}>
          <Table
            size="small"
            rowKey={(r) => `${r.round}-${r.personId}`}
            pagination={false}
            dataSource={d.services.length ? servedNow : d.assignees.filter((a) => a.round === d.round)}
            columns={[
              { title: t('members'), dataIndex: 'name' },
              { title: t('minutes'), dataIndex: 'minutes', render: (v?: number) => v ?? '—' },
              { title: '', dataIndex: 'round', render: (n: number) => t('round', { n }) },
            ]}
          />
        </Card>
      )}
      {d.ratings.length > 0 && (
        <Card size="small" title={t('ratings')}>
          {d.ratings.map((r) => (
            <div key={r.id} style={{ marginBottom: 6 }}>
              <Rate disabled value={r.score} style={{ fontSize: 14 }} />
              <Typography.Text type="secondary">{` ${t('round', { n: r.round })} · ${r.unitName ?? ''}${r.team ? ` · ${r.team}` : ''} · ${fmt(r.createdAt)}`}</Typography.Text>
              {r.comment && <div>{r.comment}</div>}
            </div>
          ))}
        </Card>
      )}
      {d.photos.length > 0 && (
        <Card size="small" title={t('photos')}>
          <Image.PreviewGroup>
            <Space wrap>
              {d.photos.map((p) => (
                <Image
                  key={p.id}
                  src={p.url}
                  width={96}
                  height={96}
                  style={{ objectFit: 'cover' }}
                  alt={p.fileName ?? ''}
                />
              ))}
            </Space>
          </Image.PreviewGroup>
        </Card>
      )}
    </Flex>
  );
}

function DemandTimeline({ demand }: { demand: DemandDetail }) {
  const t = useMessages(messages);
  const labels = useDemandLabels();
  return (
    <Timeline
      data-testid="timeline"
      items={demand.timeline.map((e) => ({
        color: e.action === 'overdue' ? 'red' : e.public ? 'blue' : 'gray',
        children: (
          <>
            <Typography.Text strong>{labels.action(e.action)}</Typography.Text>
            {e.toState && <Tag style={{ marginLeft: 8 }}>{labels.state(e.toState)}</Tag>}
            {!e.public && <Tag color="default">{t('internal')}</Tag>}
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{`${e.actor} · ${fmt(e.at)}`}</Typography.Text>
            </div>
            {e.note && <div>{e.note}</div>}
          </>
        ),
      }))}
    />
  );
}
