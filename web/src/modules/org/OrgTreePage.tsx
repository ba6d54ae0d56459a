import { Card, Col, Empty, Input, Row, Space, Switch, Tag, Tree, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMessages } from '../../i18n';
import { useSession } from '../../session';
import { useIsMobile } from '../../shell/useIsMobile';
import { useOrgLabels } from './labels';
import { orgMessages } from './messages';
import { type Unit, useUnits } from './org-api';
import { buildTree, matchWithAncestors, pruneTree, type TreeNode } from './tree';
import { UnitDetail } from './UnitDetail';

/** /org: the organization tree on the left, the selected unit's details, actions and history on the right. */
export function OrgTreePage() {
  const t = useMessages(orgMessages);
  const labels = useOrgLabels();
  const mobile = useIsMobile();
  const { currentUnit } = useSession();
  const [params, setParams] = useSearchParams();
  const [showClosed, setShowClosed] = useState(false);
  const [search, setSearch] = useState('');
  const units = useUnits(showClosed);
  const detailRef = useRef<HTMLDivElement>(null);

  const list = units.data ?? [];
  const byId = useMemo(() => new Map(list.map((u) => [u.id, u])), [list]);
  const selectedId =
    Number(params.get('unit')) || (currentUnit && byId.has(currentUnit.id) ? currentUnit.id : list[0]?.id);
  const selected = selectedId ? byId.get(selectedId) : undefined;

  const [expanded, setExpanded] = useState<number[]>([]);
  const expandedOnce = useRef(false);
  const tree = useMemo(() => buildTree(list), [list]);
  const matches = useMemo(() => (search.trim() ? matchWithAncestors(list, search) : null), [list, search]);
  const shown = matches ? pruneTree(tree, matches) : tree;

  // Open the top two levels and the path to the selected unit once the tree first arrives.
  useEffect(() => {
    if (!list.length || expandedOnce.current) return;
    expandedOnce.current = true;
    const open = new Set(list.filter((u) => u.depth <= (list[0]?.depth ?? 0)).map((u) => u.id));
    for (let u = selected; u; u = u.parentId ? byId.get(u.parentId) : undefined) if (u.parentId) open.add(u.parentId);
    setExpanded([...open]);
  }, [list, selected, byId]);

  const select = (id: number) => {
    setParams((p) => {
      p.set('unit', String(id));
      return p;
    });
    if (mobile) setTimeout(() => detailRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50);
  };

  const toData = (nodes: TreeNode<Unit>[]): object[] =>
    nodes.map((n) => ({
      key: n.key,
      title: (
        <span data-testid={`unit-node-${n.unit.id}`}>
          {n.unit.name}{' '}
          {n.unit.closedAt ? (
            <Tag color="default">{t('closed')}</Tag>
          ) : (
            n.unit.type !== 'branch' && <Tag color="red">{labels.unitType(n.unit.type)}</Tag>
          )}
        </span>
      ),
      children: toData(n.children),
    }));

  return (
    <>
      <h1 className="pioneer-page-title">{t('title')}</h1>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10} lg={9}>
          <Card size="small" loading={units.isPending}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Input.Search
                allowClear
                placeholder={t('search')}
                onChange={(e) => setSearch(e.target.value)}
                aria-label={t('search')}
              />
              <Space>
                <Switch size="small" checked={showClosed} onChange={setShowClosed} aria-label={t('showClosed')} />
                <Typography.Text>{t('showClosed')}</Typography.Text>
              </Space>
              {units.isError && <Typography.Text type="danger">{units.error.message}</Typography.Text>}
              {shown.length === 0 && !units.isPending ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
              ) : (
                <div style={{ maxHeight: mobile ? '45vh' : 'calc(100vh - 260px)', overflow: 'auto' }}>
                  <Tree
                    treeData={toData(shown) as never}
                    selectedKeys={selectedId ? [selectedId] : []}
                    expandedKeys={matches ? [...matches] : expanded}
                    onExpand={(keys) => setExpanded(keys as number[])}
                    onSelect={(keys) => keys[0] !== undefined && select(Number(keys[0]))}
                    blockNode
                    data-testid="org-tree"
                  />
                </div>
              )}
            </Space>
          </Card>
        </Col>
        <Col xs={24} md={14} lg={15}>
          <div ref={detailRef} style={{ scrollMarginTop: 110 }}>
            {selected ? (
              <UnitDetail unit={selected} units={list} onSelect={select} />
            ) : (
              <Card>
                <Empty description={t('noUnit')} />
              </Card>
            )}
          </div>
        </Col>
      </Row>
    </>
  );
}
