import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, List, message, Popconfirm, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { get } from '../../api';
import { ExportButton } from '../../components/ExportButton';
import { FilterBar } from '../../components/FilterBar';
import { OfficeTable } from '../../components/OfficeTable';
import { useBilingual } from '../../components/useBilingual';
import { useListParams } from '../../components/useListParams';
import { PostDialog, useCommunityPartners } from './CommunityPostDialog';
import { type Abilities, categoryLabel, closeCommunityPost, showError } from './vol-api';

/** 双报到 for offices: the communities' service posts; the quarterly feedback per branch is in QuarterFeedback. */

// DualReportPage takes both cards from here.
export { QuarterFeedback } from './QuarterFeedback';

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

interface ReportRow {
  id: number;
  personName: string;
  staffNo: string;
  unitName: string;
  communityName: string;
  slipNo: string;
  reportedAt: string;
  claims: number;
  confirmedMinutes: number;
}

/**
 * 双报到名册: who in my units reported to which community and what the community confirmed — sortable,
 * filtered by unit and community, exported to Excel exactly as filtered.
 */
function DualReportRoster() {
  const L = useBilingual();
  const communities = useCommunityPartners();
  const list = useListParams(['unitId', 'partnerId']);
  const query = new URLSearchParams(list.filters).toString();
  const rows = useQuery({
    queryKey: ['vol-dual-reports', query],
    queryFn: () => get<{ items: ReportRow[] }>(`/api/volunteer/dual-reports?${query}`),
  });
  return (
    <Card
      size="small"
      title={L('双报到名册', 'Dual-report roster')}
      data-testid="dual-report-roster"
      style={{ marginBottom: 16 }}
    >
      <FilterBar
        list={list}
        fields={[
          { kind: 'unit', key: 'unitId', label: L('党支部（含下级）', 'Branch (and below)') },
          {
            kind: 'select',
            key: 'partnerId',
            label: L('报到社区', 'Community'),
            options: communities.items.map((p) => ({ value: String(p.id), label: p.name })),
          },
        ]}
      />
      <OfficeTable<ReportRow>
        rowKey="id"
        rows={rows.data?.items}
        loading={rows.isFetching}
        testId="dual-report-table"
        toolbar={<ExportButton url="/api/volunteer/dual-reports.xlsx" list={{ exportQuery: query }} />}
        columns={[
          {
            title: L('姓名', 'Name'),
            dataIndex: 'personName',
            compare: (a, b) => a.personName.localeCompare(b.personName, 'zh'),
          },
          { title: L('工号/学号', 'Staff/student no.'), dataIndex: 'staffNo' },
          {
            title: L('所在党支部', 'Branch'),
            dataIndex: 'unitName',
            compare: (a, b) => a.unitName.localeCompare(b.unitName, 'zh'),
          },
          {
            title: L('报到社区', 'Community'),
            dataIndex: 'communityName',
            compare: (a, b) => a.communityName.localeCompare(b.communityName, 'zh'),
          },
          { title: L('报到单号', 'Slip no.'), dataIndex: 'slipNo' },
          {
            title: L('报到日期', 'Reported on'),
            dataIndex: 'reportedAt',
            compare: (a, b) => a.reportedAt.localeCompare(b.reportedAt),
            render: (v: string) => v.slice(0, 10),
          },
          { title: L('认领岗位', 'Posts claimed'), dataIndex: 'claims', compare: (a, b) => a.claims - b.claims },
          {
            title: L('确认时长（小时）', 'Confirmed hours'),
            dataIndex: 'confirmedMinutes',
            compare: (a, b) => a.confirmedMinutes - b.confirmedMinutes,
            render: (m: number) => (m / 60).toFixed(1),
          },
        ]}
      />
    </Card>
  );
}

/** The posts of communities in my scope; 发布岗位 when I manage volunteering over a community's owner unit. */
export function CommunityPostsAdmin() {
  return (
    <>
      <DualReportRoster />
      <CommunityPosts />
    </>
  );
}

function CommunityPosts() {
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
