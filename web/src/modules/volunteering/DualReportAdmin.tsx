import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, List, message, Popconfirm, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { get } from '../../api';
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
