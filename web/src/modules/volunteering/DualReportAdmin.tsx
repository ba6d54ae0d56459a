import { PlusOutlined } from '@ant-design/icons';
import { COMMUNITY_POST_CATEGORIES } from '@pioneer/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  message,
  Popconfirm,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { get, post } from '../../api';
import { showServerErrors } from '../../forms';
import { useSession } from '../../session';
import { FormDialog } from './FormDialog';
import { inScopeOf, PARTNER_KIND_LABELS, usePartnerList, useUnitsFor } from './vol-admin';
import { type Abilities, categoryLabel, closeCommunityPost, hours, showError, when } from './vol-api';

/** 双报到 for offices: the communities' service posts, and the quarterly feedback per branch. */

interface PostRow {
  id: number;
  partnerId: number;
  communityName: string;
  title: string;
  category: string;
  description: string;
  slots: number;
  taken: number;
  startsOn: string;
  endsOn: string;
  status: string;
  abilities: Abilities;
}
interface PostValues {
  partnerId: number;
  title: string;
  category: string;
  description: string;
  slots: number;
  startsOn: string;
  endsOn: string;
}
const POST_FIELDS = ['partnerId', 'title', 'category', 'description', 'slots', 'startsOn', 'endsOn'];

/** The communities whose posts this person may enter: community/village partners owned within volunteer.manage. */
function useCommunityPartners() {
  const { me } = useSession();
  const partners = usePartnerList();
  const items = (partners.data ?? []).filter(
    (p) => (p.kind === 'community' || p.kind === 'village') && inScopeOf(me, 'volunteer.manage', p.ownerPath),
  );
  return { loading: partners.isLoading, items };
}

function PostDialog(props: { onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<PostValues>();
  const [error, setError] = useState<string | null>(null);
  const communities = useCommunityPartners();
  const save = useMutation({
    mutationFn: (v: PostValues) => post('/api/volunteer/community-posts', { ...v, description: v.description ?? '' }),
    onSuccess: props.onSaved,
    onError: (err) => setError(showServerErrors(form, err, POST_FIELDS)),
  });
  return (
    <FormDialog
      title="发布社区服务岗位"
      okText="发布"
      form={form}
      initialValues={{
        category: 'community',
        slots: 5,
        description: '',
        startsOn: dayjs().format('YYYY-MM-DD'),
        endsOn: dayjs().add(1, 'month').format('YYYY-MM-DD'),
      }}
      saving={save.isPending}
      error={error}
      onClose={props.onClose}
      onSubmit={(v) => {
        setError(null);
        save.mutate(v);
      }}
    >
      <Form.Item name="partnerId" label="社区（村）" rules={[{ required: true, message: '请选择社区' }]}>
        <Select
          aria-label="社区（村）"
          showSearch={{ optionFilterProp: 'label' }}
          loading={communities.loading}
          notFoundContent="没有您可为其发布岗位的社区"
          options={communities.items.map((p) => ({
            value: p.id,
            label: `${p.name}（${PARTNER_KIND_LABELS[p.kind]}，${p.ownerUnitName}联系）`,
          }))}
        />
      </Form.Item>
      <Form.Item name="title" label="岗位名称" rules={[{ required: true, message: '请填写岗位名称' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="category" label="服务类别">
        <Select
          aria-label="服务类别"
          options={COMMUNITY_POST_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) }))}
        />
      </Form.Item>
      <Form.Item name="description" label="岗位说明">
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <Form.Item name="slots" label="名额" rules={[{ required: true, message: '请填写名额' }]}>
        <InputNumber min={1} max={500} style={{ width: '100%' }} />
      </Form.Item>
      <Row gutter={8}>
        <Col span={12}>
          <Form.Item name="startsOn" label="开始日期" rules={[{ required: true, message: '请填写开始日期' }]}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="endsOn" label="结束日期" rules={[{ required: true, message: '请填写结束日期' }]}>
            <Input type="date" />
          </Form.Item>
        </Col>
      </Row>
    </FormDialog>
  );
}

/** The posts of communities in my scope; 发布岗位 when I manage volunteering over a community's owner unit. */
export function CommunityPostsAdmin() {
  const qc = useQueryClient();
  const communities = useCommunityPartners();
  const [creating, setCreating] = useState(false);
  const [partnerId, setPartnerId] = useState<number | undefined>();
  const close = useMutation({
    mutationFn: closeCommunityPost,
    onSuccess: () => {
      message.success('岗位已关闭，不再接受认领');
      qc.invalidateQueries({ queryKey: ['vol-posts'] });
    },
    onError: showError,
  });
  const posts = useQuery({
    queryKey: ['vol-posts', 'admin', partnerId ?? null],
    queryFn: () =>
      get<{ items: PostRow[] }>(`/api/volunteer/community-posts${partnerId ? `?partnerId=${partnerId}` : ''}`),
  });
  return (
    <Card
      size="small"
      title="社区服务岗位"
      data-testid="posts-admin"
      extra={
        communities.items.length > 0 && (
          <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            发布岗位
          </Button>
        )
      }
    >
      <Select
        allowClear
        placeholder="按社区筛选"
        aria-label="按社区筛选"
        style={{ width: '100%', marginBottom: 8 }}
        value={partnerId}
        onChange={setPartnerId}
        options={communities.items.map((p) => ({ value: p.id, label: p.name }))}
      />
      <List
        dataSource={posts.data?.items ?? []}
        loading={posts.isLoading}
        locale={{ emptyText: '暂无岗位' }}
        pagination={{ pageSize: 20, size: 'small', showSizeChanger: false, hideOnSinglePage: true }}
        renderItem={(p) => (
          <List.Item
            data-testid="post-row"
            data-post-id={p.id}
            actions={
              p.abilities.close
                ? [
                    <Popconfirm
                      key="close"
                      title={`关闭「${p.title}」？`}
                      description="关闭后不再接受认领，已有的认领保留。"
                      okText="关闭岗位"
                      cancelText="不关闭"
                      onConfirm={() => close.mutateAsync(p.id).catch(() => undefined)}
                    >
                      <Button size="small" danger loading={close.isPending && close.variables === p.id}>
                        关闭
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  {p.title}
                  <Tag>{categoryLabel(p.category)}</Tag>
                  {p.status !== 'open' && <Tag>{p.status === 'closed' ? '已关闭' : p.status}</Tag>}
                </Space>
              }
              description={`${p.communityName} · 已认领 ${p.taken}/${p.slots} · ${p.startsOn} 至 ${p.endsOn}`}
            />
          </List.Item>
        )}
      />
      {creating && (
        <PostDialog
          onClose={() => setCreating(false)}
          onSaved={() => {
            setCreating(false);
            message.success('岗位已发布');
            qc.invalidateQueries({ queryKey: ['vol-posts'] });
          }}
        />
      )}
    </Card>
  );
}

interface FeedbackRow {
  personId: number;
  name: string;
  unitName: string;
  volunteerNo: string | null;
  communityName: string | null;
  reportedAt: string | null;
  confirmedServices: number;
  minutes: number;
  averageRating: number | null;
  feedback: string[];
}
interface Feedback {
  unit: { id: number; name: string };
  period: { year: number; quarter: number; from: string; to: string };
  reported: number;
  notReported: number;
  items: FeedbackRow[];
}

/** 双报到季度反馈 (GET /api/volunteer/dual-reports/feedback): per branch, who reported where and what they did. */
export function QuarterFeedback() {
  const { currentUnit } = useSession();
  const units = useUnitsFor('volunteer.view');
  const now = dayjs();
  const [unitId, setUnitId] = useState<number | undefined>(currentUnit?.id);
  const [year, setYear] = useState(now.year());
  const [quarter, setQuarter] = useState(Math.floor(now.month() / 3) + 1);
  const [show, setShow] = useState<'all' | 'reported' | 'not'>('all');
  const chosen = unitId ?? (units.options[0]?.value as number | undefined);
  const feedback = useQuery({
    queryKey: ['vol-dual-feedback', chosen, year, quarter],
    queryFn: () =>
      get<Feedback>(`/api/volunteer/dual-reports/feedback?unitId=${chosen}&year=${year}&quarter=${quarter}`),
    enabled: Boolean(chosen),
  });
  const f = feedback.data;
  return (
    <Card size="small" title="季度反馈（按支部）" data-testid="dual-feedback">
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label="支部"
          style={{ flex: '1 1 200px' }}
          value={chosen}
          onChange={setUnitId}
          loading={units.loading}
          options={units.options}
          showSearch={{ optionFilterProp: 'label' }}
        />
        <Select
          aria-label="年份"
          style={{ width: 100 }}
          value={year}
          onChange={setYear}
          options={[0, 1, 2].map((d) => ({ value: now.year() - d, label: `${now.year() - d}年` }))}
        />
        <Select
          aria-label="季度"
          style={{ width: 110 }}
          value={quarter}
          onChange={setQuarter}
          options={[1, 2, 3, 4].map((q) => ({ value: q, label: `第${q}季度` }))}
        />
      </Flex>
      {feedback.isError && <Alert type="error" showIcon message={feedback.error.message} />}
      {f && (
        <>
          <Row gutter={8} style={{ marginBottom: 8 }}>
            <Col span={8}>
              <Statistic title="已报到" value={f.reported} suffix="人" />
            </Col>
            <Col span={8}>
              <Statistic title="未报到" value={f.notReported} suffix="人" />
            </Col>
            <Col span={8}>
              <Statistic
                title="社区确认服务"
                value={f.items.reduce((n, i) => n + i.confirmedServices, 0)}
                suffix="次"
              />
            </Col>
          </Row>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {f.unit.name} · {f.period.from} 至 {f.period.to}
          </Typography.Paragraph>
          <Segmented
            block
            style={{ marginBottom: 8 }}
            value={show}
            onChange={(v) => setShow(v as typeof show)}
            options={[
              { value: 'all', label: `全部 ${f.items.length}` },
              { value: 'reported', label: `已报到 ${f.reported}` },
              { value: 'not', label: `未报到 ${f.notReported}` },
            ]}
          />
          {f.items.length === 0 ? (
            <Empty description="该支部没有党员" />
          ) : (
            <List
              dataSource={f.items.filter((i) =>
                show === 'all' ? true : show === 'reported' ? i.communityName !== null : i.communityName === null,
              )}
              pagination={{ pageSize: 20, size: 'small', showSizeChanger: false, hideOnSinglePage: true }}
              renderItem={(i) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <Space wrap size={4}>
                        {i.name}
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {i.unitName}
                        </Typography.Text>
                        {i.communityName ? (
                          <Tag color="green">已报到 {i.communityName}</Tag>
                        ) : (
                          <Tag color="orange">未报到</Tag>
                        )}
                      </Space>
                    }
                    description={
                      <>
                        <div>
                          {i.reportedAt ? `报到于 ${when(i.reportedAt)} · ` : ''}本季度社区确认 {i.confirmedServices}{' '}
                          次，{hours(i.minutes)}
                          {i.averageRating ? ` · 平均评价 ${i.averageRating} 分` : ''}
                        </div>
                        {i.feedback.map((t) => (
                          <div key={t}>社区反馈：{t}</div>
                        ))}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </Card>
  );
}
