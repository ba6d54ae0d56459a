import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { defineMessages, useMessages } from '../../i18n';
import type { MeasureInfo } from '../measures/measures-api';
import { type IndicatorGroup, type IndicatorItem, type ScoringRule, sumOf } from './assessment-api';

const messages = defineMessages(
  {
    group: '一级指标',
    weight: '权重',
    item: '二级指标',
    method: '评分方式',
    computed: '数据计算',
    assessed: '评审打分',
    measure: '数据指标',
    rule: '计分规则',
    linear: '区间线性',
    target: '目标比例',
    rank: '同类排名',
    low: '0 分值',
    high: '满分值',
    targetValue: '目标值',
    criteria: '评分标准',
    evidence: '须附佐证',
    sum: '同级权重合计 {sum}',
    addItem: '添加二级指标',
    addGroup: '添加一级指标',
    remove: '删除',
  },
  {
    group: 'First-level indicator',
    weight: 'Weight',
    item: 'Item',
    method: 'Scoring',
    computed: 'Computed',
    assessed: 'Assessed',
    measure: 'Measure',
    rule: 'Rule',
    linear: 'Linear',
    target: 'Ratio to target',
    rank: 'Rank among peers',
    low: 'Zero at',
    high: 'Full at',
    targetValue: 'Target',
    criteria: 'Criteria',
    evidence: 'Evidence required',
    sum: 'Sibling weights total {sum}',
    addItem: 'Add item',
    addGroup: 'Add first-level indicator',
    remove: 'Remove',
  },
);

/** A green tag when sibling weights make 100, red with the total otherwise: the check the server repeats. */
function SumTag({ total, label }: { total: number; label: string }) {
  return (
    <Tag color={total === 100 ? 'green' : 'red'} data-testid="weight-sum">
      {label}
    </Tag>
  );
}

const defaultRule: Record<ScoringRule['kind'], ScoringRule> = {
  linear: { kind: 'linear', low: 0, high: 1 },
  target: { kind: 'target', target: 1 },
  rank: { kind: 'rank' },
};

/** The indicator tree as editable cards: each first-level indicator with its weighted items and a live sum check. */
export function IndicatorTreeEditor({
  groups,
  onChange,
  measures,
  readOnly,
}: {
  groups: IndicatorGroup[];
  onChange(groups: IndicatorGroup[]): void;
  measures: MeasureInfo[];
  readOnly: boolean;
}) {
  const t = useMessages(messages);
  const setGroup = (i: number, g: Partial<IndicatorGroup>) =>
    onChange(groups.map((x, k) => (k === i ? { ...x, ...g } : x)));
  const setItem = (i: number, j: number, item: Partial<IndicatorItem>) =>
    setGroup(i, { children: groups[i]!.children.map((c, k) => (k === j ? { ...c, ...item } : c)) });

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <SumTag total={sumOf(groups)} label={t('sum', { sum: sumOf(groups) })} />
      {groups.map((g, i) => (
        <Card
          // biome-ignore lint/suspicious/noArrayIndexKey: groups have no id until saved; position is their identity here
          key={i}
          size="small"
          title={
            <Space wrap>
              <Input
                aria-label={t('group')}
                value={g.name}
                disabled={readOnly}
                onChange={(e) => setGroup(i, { name: e.target.value })}
                style={{ width: 260 }}
              />
              <InputNumber
                aria-label={t('weight')}
                addonBefore={t('weight')}
                min={1}
                max={100}
                value={g.weight}
                disabled={readOnly}
                onChange={(v) => setGroup(i, { weight: Number(v) || 0 })}
                style={{ width: 140 }}
              />
              <SumTag total={sumOf(g.children)} label={t('sum', { sum: sumOf(g.children) })} />
            </Space>
          }
          extra={
            !readOnly && (
              <Button
                danger
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('remove')}
                onClick={() => onChange(groups.filter((_, k) => k !== i))}
              />
            )
          }
        >
          <Table<IndicatorItem>
            size="small"
            pagination={false}
            rowKey={(_, j) => String(j)}
            dataSource={g.children}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                title: t('item'),
                render: (_, c, j) => (
                  <Input
                    value={c.name}
                    disabled={readOnly}
                    aria-label={t('item')}
                    onChange={(e) => setItem(i, j, { name: e.target.value })}
                    style={{ width: 200 }}
                  />
                ),
              },
              {
                title: t('weight'),
                render: (_, c, j) => (
                  <InputNumber
                    min={1}
                    max={100}
                    value={c.weight}
                    disabled={readOnly}
                    aria-label={t('weight')}
                    onChange={(v) => setItem(i, j, { weight: Number(v) || 0 })}
                    style={{ width: 72 }}
                  />
                ),
              },
              {
                title: t('method'),
                render: (_, c, j) => (
                  <Select
                    value={c.method}
                    disabled={readOnly}
                    style={{ width: 110 }}
                    onChange={(method) =>
                      setItem(i, j, { method, rule: method === 'computed' ? (c.rule ?? defaultRule.rank) : null })
                    }
                    options={[
                      { value: 'computed', label: t('computed') },
                      { value: 'assessed', label: t('assessed') },
                    ]}
                  />
                ),
              },
              {
                title: `${t('measure')} / ${t('criteria')}`,
                render: (_, c, j) =>
                  c.method === 'computed' ? (
                    <Select
                      showSearch
                      optionFilterProp="label"
                      value={c.measureKey ?? undefined}
                      disabled={readOnly}
                      style={{ width: 240 }}
                      placeholder={t('measure')}
                      onChange={(measureKey) => setItem(i, j, { measureKey })}
                      options={measures.map((m) => ({ value: m.key, label: m.name }))}
                    />
                  ) : (
                    <Input.TextArea
                      autoSize
                      value={c.criteria}
                      disabled={readOnly}
                      aria-label={t('criteria')}
                      onChange={(e) => setItem(i, j, { criteria: e.target.value })}
                      style={{ width: 240 }}
                    />
                  ),
              },
              {
                title: t('rule'),
                render: (_, c, j) =>
                  c.method === 'computed' ? (
                    <RuleEditor
                      rule={c.rule ?? defaultRule.rank}
                      readOnly={readOnly}
                      onChange={(rule) => setItem(i, j, { rule })}
                    />
                  ) : (
                    <Checkbox
                      checked={c.evidenceRequired}
                      disabled={readOnly}
                      onChange={(e) => setItem(i, j, { evidenceRequired: e.target.checked })}
                    >
                      {t('evidence')}
                    </Checkbox>
                  ),
              },
              ...(readOnly
                ? []
                : [
                    {
                      title: '',
                      render: (_: unknown, __: IndicatorItem, j: number) => (
                        <Button
                          danger
                          type="text"
                          icon={<DeleteOutlined />}
                          aria-label={t('remove')}
                          onClick={() => setGroup(i, { children: g.children.filter((_, k) => k !== j) })}
                        />
                      ),
                    },
                  ]),
            ]}
          />
          {!readOnly && (
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              style={{ marginTop: 8 }}
              onClick={() =>
                setGroup(i, {
                  children: [
                    ...g.children,
                    { name: '', weight: 0, method: 'assessed', criteria: '', evidenceRequired: true },
                  ],
                })
              }
            >
              {t('addItem')}
            </Button>
          )}
        </Card>
      ))}
      {!readOnly && (
        <Button
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() => onChange([...groups, { name: '', weight: 0, children: [] }])}
        >
          {t('addGroup')}
        </Button>
      )}
    </Space>
  );
}

function RuleEditor({
  rule,
  onChange,
  readOnly,
}: {
  rule: ScoringRule;
  onChange(r: ScoringRule): void;
  readOnly: boolean;
}) {
  const t = useMessages(messages);
  return (
    <Space wrap size={4}>
      <Select
        value={rule.kind}
        disabled={readOnly}
        style={{ width: 110 }}
        onChange={(kind) => onChange(defaultRule[kind])}
        options={(['linear', 'target', 'rank'] as const).map((k) => ({ value: k, label: t(k) }))}
      />
      {rule.kind === 'linear' && (
        <>
          <InputNumber
            size="small"
            aria-label={t('low')}
            placeholder={t('low')}
            value={rule.low}
            disabled={readOnly}
            onChange={(v) => onChange({ ...rule, low: Number(v) })}
            style={{ width: 80 }}
          />
          <InputNumber
            size="small"
            aria-label={t('high')}
            placeholder={t('high')}
            value={rule.high}
            disabled={readOnly}
            onChange={(v) => onChange({ ...rule, high: Number(v) })}
            style={{ width: 80 }}
          />
        </>
      )}
      {rule.kind === 'target' && (
        <InputNumber
          size="small"
          aria-label={t('targetValue')}
          value={rule.target}
          disabled={readOnly}
          onChange={(v) => onChange({ ...rule, target: Number(v) })}
          style={{ width: 90 }}
        />
      )}
    </Space>
  );
}
