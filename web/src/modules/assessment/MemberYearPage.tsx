import { useQuery } from '@tanstack/react-query';
import { Card, Col, Collapse, Empty, List, Rate, Row, Select, Space, Statistic, Tag, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { get } from '../../api';
import { defineMessages, useMessages } from '../../i18n';
import { useSession } from '../../session';

interface MemberYear {
  person: { id: number; name: string; unitName: string };
  year: number;
  volunteering: {
    hours: {
      countedMinutes: number;
      pendingMinutes: number;
      pendingEntries: number;
      entries: {
        id: number;
        minutes: number;
        description: string;
        serviceStart: string;
        activityTitle: string | null;
      }[];
    };
    activities: { id: number; title: string; post: string; startsAt: string; attendance: string }[];
    venueDuties: { id: number; venue: string; post: string; startsAt: string; status: string }[];
    dualReports: { id: number; community: string; reportedAt: string; endedAt: string | null }[];
    communityPosts: { id: number; title: string; status: string; servedOn: string | null; minutes: number | null }[];
  };
  demands: {
    served: { id: number; trackingCode: string; title: string; minutes: number; recordedAt: string }[];
    servedMinutes: number;
    ratings: { id: number; title: string; score: number; comment: string; ratedAt: string }[];
    averageScore: number | null;
  };
}

const messages = defineMessages(
  {
    title: '{name} 的 {year} 年服务档案',
    hint: '全部来自平台记录（志愿服务台账、服务需求、活动签到、阵地值班、双报到），不可手工填写；待审核的时长不计入有效时长。',
    year: '年度',
    hours: '有效志愿服务时长',
    pending: '待审核时长',
    needs: '服务的需求',
    rating: '服务对象评价',
    activities: '参加的活动',
    duties: '阵地值班',
    dual: '双报到',
    hourUnit: '小时',
    count: '{n} 项',
    none: '暂无',
    noRating: '暂无评价',
    entries: '时长明细',
    reported: '已报到：{c}',
    notReported: '本年度未向社区报到',
    ratingsOf: '{n} 条评价',
  },
  {
    title: '{name}: service in {year}',
    hint: 'Everything here comes from the platform’s records (hours ledger, needs, check-ins, venue duties, 双报到); nothing is typed in. Hours waiting for review are not counted.',
    year: 'Year',
    hours: 'Volunteer hours that count',
    pending: 'Hours waiting for review',
    needs: 'Needs served',
    rating: 'Ratings by the people served',
    activities: 'Activities attended',
    duties: 'Venue duties',
    dual: 'Community reporting',
    hourUnit: 'h',
    count: '{n}',
    none: 'None',
    noRating: 'No ratings',
    entries: 'Hour entries',
    reported: 'Reported to {c}',
    notReported: 'Not reported to a community this year',
    ratingsOf: '{n} ratings',
  },
);

const hours = (m: number) => (m / 60).toFixed(1);
const day = (iso: string) => new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });

/** /people/:id/year and /me/year: a member's year on one page, from the records (issue 11 item 4). */
export function MemberYearPage() {
  const t = useMessages(messages);
  const { me } = useSession();
  const params = useParams();
  const personId = Number(params.id) || me.person.id;
  const [search, setSearch] = useSearchParams();
  const now = new Date().getFullYear();
  const year = Number(search.get('year')) || now;
  const q = useQuery({
    queryKey: ['member-year', personId, year],
    queryFn: () => get<MemberYear>(`/api/people/${personId}/year?year=${year}`),
  });
  const d = q.data;
  if (q.isError) return <Typography.Paragraph type="danger">{q.error.message}</Typography.Paragraph>;
  if (!d) return null;
  const v = d.volunteering;
  const report = v.dualReports[0];
  return (
    <>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <h1 className="pioneer-page-title">{t('title', { name: d.person.name, year: d.year })}</h1>
        <Select
          aria-label={t('year')}
          value={year}
          onChange={(y) => setSearch({ year: String(y) })}
          options={[now, now - 1, now - 2].map((y) => ({ value: y, label: String(y) }))}
        />
      </Space>
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {[
          { k: 'hours', title: t('hours'), value: hours(v.hours.countedMinutes), suffix: t('hourUnit') },
          { k: 'pending', title: t('pending'), value: hours(v.hours.pendingMinutes), suffix: t('hourUnit') },
          { k: 'needs', title: t('needs'), value: d.demands.served.length },
          {
            k: 'rating',
            title: t('rating'),
            value: d.demands.averageScore ?? '—',
            suffix: d.demands.averageScore ? '/ 5' : '',
          },
          { k: 'activities', title: t('activities'), value: v.activities.length },
          { k: 'duties', title: t('duties'), value: v.venueDuties.length },
        ].map((s) => (
          <Col xs={12} md={8} lg={4} key={s.k}>
            <Card size="small" data-testid={`year-${s.k}`}>
              <Statistic title={s.title} value={s.value} suffix={s.suffix} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Typography.Text strong>{t('dual')}：</Typography.Text>
        {report ? <Tag color="green">{t('reported', { c: report.community })}</Tag> : <Tag>{t('notReported')}</Tag>}
      </Card>
      <Collapse
        defaultActiveKey={['rating']}
        items={[
          {
            key: 'rating',
            label: `${t('rating')}（${t('ratingsOf', { n: d.demands.ratings.length })}）`,
            children: d.demands.ratings.length ? (
              <List
                dataSource={d.demands.ratings}
                renderItem={(r) => (
                  <List.Item>
                    <List.Item.Meta
                      title={
                        <Space wrap>
                          {r.title}
                          <Rate disabled value={r.score} style={{ fontSize: 14 }} />
                        </Space>
                      }
                      description={`${day(r.ratedAt)} ${r.comment}`}
                    />
                  </List.Item>
                )}
              />
            ) : (
              <Empty description={t('noRating')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ),
          },
          {
            key: 'needs',
            label: `${t('needs')}（${t('count', { n: d.demands.served.length })}）`,
            children: (
              <List
                locale={{ emptyText: t('none') }}
                dataSource={d.demands.served}
                renderItem={(s) => (
                  <List.Item extra={`${hours(s.minutes)} ${t('hourUnit')}`}>
                    <List.Item.Meta title={s.title} description={`${s.trackingCode} · ${day(s.recordedAt)}`} />
                  </List.Item>
                )}
              />
            ),
          },
          {
            key: 'entries',
            label: `${t('entries')}（${t('count', { n: v.hours.entries.length })}）`,
            children: (
              <List
                locale={{ emptyText: t('none') }}
                dataSource={v.hours.entries}
                renderItem={(e) => (
                  <List.Item extra={`${hours(e.minutes)} ${t('hourUnit')}`}>
                    <List.Item.Meta title={e.activityTitle ?? e.description} description={day(e.serviceStart)} />
                  </List.Item>
                )}
              />
            ),
          },
          {
            key: 'activities',
            label: `${t('activities')}（${t('count', { n: v.activities.length })}）`,
            children: (
              <List
                locale={{ emptyText: t('none') }}
                dataSource={v.activities}
                renderItem={(a) => (
                  <List.Item>
                    <List.Item.Meta title={a.title} description={`${a.post} · ${day(a.startsAt)}`} />
                  </List.Item>
                )}
              />
            ),
          },
          {
            key: 'duties',
            label: `${t('duties')}（${t('count', { n: v.venueDuties.length })}）`,
            children: (
              <List
                locale={{ emptyText: t('none') }}
                dataSource={v.venueDuties}
                renderItem={(x) => (
                  <List.Item>
                    <List.Item.Meta title={x.venue} description={`${x.post} · ${day(x.startsAt)}`} />
                  </List.Item>
                )}
              />
            ),
          },
        ]}
      />
    </>
  );
}
