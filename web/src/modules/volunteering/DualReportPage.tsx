import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  List,
  message,
  Popconfirm,
  Select,
  Space,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { get, post } from '../../api';
import { DateInput } from '../../DateInputs';
import { useSession } from '../../session';
import { hasPermission } from '../types';
import { CommunityPostsAdmin, QuarterFeedback } from './DualReportAdmin';
import { type Abilities, categoryLabel, hours, showError, when } from './vol-api';

interface Report {
  slipNo: string;
  personName: string;
  unitName: string;
  volunteerNo: string | null;
  communityName: string;
  communityAddress: string;
  communityContact: string;
  address: string;
  reportedAt: string;
}
interface Claim {
  id: number;
  postId: number;
  status: string;
  postTitle: string;
  communityName: string;
  servedOn: string | null;
  minutes: number | null;
}
interface Post {
  id: number;
  title: string;
  category: string;
  communityName: string;
  slots: number;
  taken: number;
  endsOn: string;
  status: string;
  abilities: Abilities;
}
const CLAIM_TAG: Record<string, [string, string]> = {
  claimed: ['已认领', 'blue'],
  served: ['待社区确认', 'orange'],
  confirmed: ['社区已确认', 'green'],
};

/**
 * /volunteer/dual-report — 双报到: my registration slip, the community's posts to claim, and the confirmation link;
 * offices also see the communities' posts (and enter them) and the quarterly feedback per branch.
 */
export default function DualReportPage() {
  const { me } = useSession();
  const office = hasPermission(me, 'volunteer.view');
  if (!office) return <MyDualReport />;
  return (
    <div style={{ maxWidth: 760, margin: '0 auto' }}>
      <h1 className="pioneer-page-title">双报到</h1>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'mine', label: '我的报到', children: <MyDualReport embedded /> },
          { key: 'posts', label: '服务岗位', children: <CommunityPostsAdmin /> },
          { key: 'feedback', label: '季度反馈', children: <QuarterFeedback /> },
        ]}
      />
    </div>
  );
}

function MyDualReport({ embedded = false }: { embedded?: boolean }) {
  const qc = useQueryClient();
  const mine = useQuery({
    queryKey: ['vol-dual'],
    queryFn: () => get<{ report: Report | null; claims: Claim[] }>('/api/volunteer/my/dual-report'),
  });
  const communities = useQuery({
    queryKey: ['vol-communities'],
    queryFn: () => get<{ items: { id: number; name: string }[] }>('/api/volunteer/communities'),
  });
  const posts = useQuery({
    queryKey: ['vol-posts'],
    queryFn: () => get<{ items: Post[] }>('/api/volunteer/community-posts'),
    enabled: Boolean(mine.data?.report),
  });
  const [link, setLink] = useState<string | null>(null);
  const refresh = () =>
    qc.invalidateQueries({ queryKey: ['vol-dual'] }).then(() => qc.invalidateQueries({ queryKey: ['vol-posts'] }));
  const report = useMutation({
    mutationFn: (v: { partnerId: number; address: string }) => post('/api/volunteer/dual-reports', v),
    onSuccess: refresh,
    onError: showError,
  });
  const claim = useMutation({
    mutationFn: (id: number) => post(`/api/volunteer/community-posts/${id}/claims`),
    onSuccess: () => {
      message.success('已认领');
      refresh();
    },
    onError: showError,
  });
  const served = useMutation({
    mutationFn: ({ id, ...v }: { id: number; servedOn: string; minutes: number; note: string }) =>
      post<{ confirmUrl: string }>(`/api/volunteer/claims/${id}/served`, v),
    onSuccess: (r) => {
      setLink(r.confirmUrl);
      refresh();
    },
    onError: showError,
  });
  const r = mine.data?.report;
  const myPostIds = new Set((mine.data?.claims ?? []).filter((c) => c.status !== 'cancelled').map((c) => c.postId));
  return (
    <div style={{ maxWidth: 760, margin: '0 auto' }}>
      {!embedded && <h1 className="pioneer-page-title">双报到</h1>}
      {r && (
        <Card size="small" title="报到单" style={{ marginBottom: 12 }}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label="编号">{r.slipNo}</Descriptions.Item>
            <Descriptions.Item label="党员">
              {r.personName}（{r.volunteerNo ?? '未注册志愿者'}）
            </Descriptions.Item>
            <Descriptions.Item label="所在支部">{r.unitName}</Descriptions.Item>
            <Descriptions.Item label="报到社区">
              {r.communityName}（{r.communityAddress}）
            </Descriptions.Item>
            <Descriptions.Item label="社区联系人">{r.communityContact}</Descriptions.Item>
            <Descriptions.Item label="居住地址">{r.address}</Descriptions.Item>
            <Descriptions.Item label="报到时间">{when(r.reportedAt)}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <Card size="small" title={r ? '迁居后重新报到' : '到居住地社区报到'} style={{ marginBottom: 12 }}>
        <Form layout="vertical" onFinish={(v) => report.mutate(v)}>
          <Form.Item name="partnerId" label="社区（村）" rules={[{ required: true, message: '请选择社区' }]}>
            <Select options={(communities.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
          <Form.Item name="address" label="居住地址" rules={[{ required: true, message: '请填写居住地址' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Button htmlType="submit" type="primary" loading={report.isPending}>
            报到
          </Button>
        </Form>
      </Card>
      {link && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message="请把下面的确认链接发给社区联系人，对方无需登录即可确认"
          description={<Typography.Text copyable>{link}</Typography.Text>}
        />
      )}
      {r && (
        <Card size="small" title="社区服务岗位" style={{ marginBottom: 12 }}>
          <List
            dataSource={posts.data?.items ?? []}
            locale={{ emptyText: '社区暂未发布岗位' }}
            renderItem={(p) => (
              <List.Item
                actions={[
                  // A post I already took shows so, rather than a 认领 that the server would refuse.
                  myPostIds.has(p.id) ? (
                    <Tag key="c" color="blue" data-testid="post-claimed">
                      已认领
                    </Tag>
                  ) : p.status === 'closed' ? (
                    <Tag key="c">已关闭</Tag>
                  ) : (
                    <Popconfirm
                      key="c"
                      title={`认领“${p.title}”？`}
                      description="认领后请按约定时间到社区服务，服务后登记并请社区确认。"
                      okText="确认认领"
                      cancelText="再想想"
                      disabled={!p.abilities.claim}
                      onConfirm={() => claim.mutate(p.id)}
                    >
                      <Button
                        size="small"
                        disabled={!p.abilities.claim}
                        loading={claim.isPending && claim.variables === p.id}
                      >
                        认领
                      </Button>
                    </Popconfirm>
                  ),
                ]}
              >
                <List.Item.Meta
                  title={p.title}
                  description={`${p.communityName} · ${categoryLabel(p.category)} · 已认领 ${p.taken}/${p.slots} · 截至 ${p.endsOn}`}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      <Card size="small" title="我的认领">
        <List
          dataSource={mine.data?.claims ?? []}
          locale={{ emptyText: '暂无' }}
          renderItem={(c) => (
            <List.Item>
              <Space direction="vertical" style={{ width: '100%' }}>
                <span>
                  {c.postTitle}（{c.communityName}）{' '}
                  <Tag color={CLAIM_TAG[c.status]?.[1]}>{CLAIM_TAG[c.status]?.[0]}</Tag>
                  {c.minutes ? hours(c.minutes) : ''}
                </span>
                {c.status !== 'confirmed' && (
                  <Form
                    layout="inline"
                    onFinish={(v) => served.mutate({ id: c.id, ...v })}
                    initialValues={{ servedOn: dayjs().format('YYYY-MM-DD'), minutes: 120 }}
                  >
                    <Form.Item name="servedOn">
                      <DateInput />
                    </Form.Item>
                    <Form.Item name="minutes">
                      <InputNumber min={1} max={720} addonAfter="分钟" />
                    </Form.Item>
                    <Form.Item name="note" rules={[{ required: true, message: '请填写服务情况' }]}>
                      <Input placeholder="服务情况" />
                    </Form.Item>
                    <Button htmlType="submit" size="small">
                      填报并取得确认链接
                    </Button>
                  </Form>
                )}
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
