import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Progress, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { get, post } from '../../api';
import { defineMessages, useMessages } from '../../i18n';
import { ClockTag } from './DemandTable';
import type { Demand } from './demands-api';

const messages = defineMessages(
  {
    title: '适合我的需求',
    intro: '根据您的技能特长、所在校区、当前在办需求，以及您（或本支部）在同类需求上得到的评价，为您推荐可认领的需求。',
    confirmTitle: '认领“{title}”？',
    confirmBody: '认领后由您负责联系需求人并完成服务，支部书记会协助安排。',
    confirmOk: '确认认领',
    cancel: '再想想',
    mySkills: '我的技能：{skills}',
    noSkills: '尚未登记技能特长',
    take: '我来认领',
    taken: '已认领，请与支部书记联系安排服务',
    none: '暂时没有适合您的待认领需求',
  },
  {
    title: 'Needs that fit me',
    intro:
      'Published needs you could take up, ranked by your skills, campus, current load and the ratings you (or your branch) got on similar needs.',
    confirmTitle: 'Take up “{title}”?',
    confirmBody: 'You will contact the requester and do the service; your branch secretary helps arrange it.',
    confirmOk: 'Take it',
    cancel: 'Not now',
    mySkills: 'My skills: {skills}',
    noSkills: 'No skills recorded yet',
    take: 'I’ll take it',
    taken: 'Claimed — your branch secretary will help arrange it',
    none: 'Nothing fits you right now',
  },
);
type FitItem = Demand & { score: number; reasons: string[] };

/** /demands/fit-me (members, phone first): published needs ranked for me, with the reasons, and claim in one tap. */
export default function FitMePage() {
  const t = useMessages(messages);
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const fit = useQuery({
    queryKey: ['fit-me'],
    queryFn: () =>
      get<{ me: { skills: string[]; campus: string; openLoad: number }; items: FitItem[] }>('/api/demands/fit-me'),
  });
  const claim = useMutation({
    mutationFn: (id: number) => post(`/api/demands/${id}/claim`, { asMember: true }),
    onSuccess: () => {
      message.success(t('taken'));
      queryClient.invalidateQueries({ queryKey: ['fit-me'] });
    },
    onError: (err) => message.error(err.message),
  });
  return (
    <div style={{ maxWidth: 820 }}>
      <h1 className="pioneer-page-title">{t('title')}</h1>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      {fit.data && (
        <Typography.Paragraph>
          {fit.data.me.skills.length ? t('mySkills', { skills: fit.data.me.skills.join('、') }) : t('noSkills')}
        </Typography.Paragraph>
      )}
      {fit.isPending && <Spin />}
      {fit.isError && <Alert type="error" showIcon message={fit.error.message} />}
      {fit.data?.items.length === 0 && <Empty description={t('none')} />}
      <Flex vertical gap={10} data-testid="fit-list">
        {fit.data?.items.map((d) => (
          <Card
            key={d.id}
            size="small"
            title={
              <Link to={`/demands/${d.id}`} style={{ whiteSpace: 'normal' }}>
                {d.title}
              </Link>
            }
            extra={<Progress type="circle" percent={d.score} size={40} format={(p) => `${p}`} />}
          >
            <Flex wrap gap={4} style={{ marginBottom: 6 }}>
              {d.category && <Tag>{d.category.name}</Tag>}
              {(d.campus || d.location) && <Tag>{[d.campus, d.location].filter(Boolean).join(' · ')}</Tag>}
              <ClockTag demand={d} />
            </Flex>
            <Flex wrap gap={4}>
              {d.reasons.map((r) => (
                <Tag key={r} color={r.startsWith('具备') || r.startsWith('同在') ? 'green' : 'default'}>
                  {r}
                </Tag>
              ))}
            </Flex>
            {d.abilities.claimAsMember && (
              <Button
                type="primary"
                block
                style={{ marginTop: 8 }}
                loading={claim.isPending && claim.variables === d.id}
                onClick={() =>
                  modal.confirm({
                    title: t('confirmTitle', { title: d.title }),
                    content: t('confirmBody'),
                    okText: t('confirmOk'),
                    cancelText: t('cancel'),
                    onOk: () => claim.mutateAsync(d.id).catch(() => {}),
                  })
                }
              >
                {t('take')}
              </Button>
            )}
          </Card>
        ))}
      </Flex>
    </div>
  );
}
