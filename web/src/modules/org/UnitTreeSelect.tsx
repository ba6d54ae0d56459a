import { TreeSelect } from 'antd';
import { type CSSProperties, useMemo } from 'react';
import { type Unit, useUnits } from './org-api';
import { buildTree, type TreeNode } from './tree';

interface Props {
  value?: number | null;
  onChange?: (id: number | null) => void;
  /** Which units may be picked; the others stay visible (greyed) so the tree keeps its shape. */
  selectable?: (u: Unit) => boolean;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  id?: string;
  'aria-label'?: string;
}

interface Option {
  value: number;
  title: string;
  disabled: boolean;
  children: Option[];
}
const toOptions = (nodes: TreeNode<Unit>[], selectable: (u: Unit) => boolean): Option[] =>
  nodes.map((n) => ({
    value: n.unit.id,
    title: n.unit.name,
    disabled: !selectable(n.unit),
    children: toOptions(n.children, selectable),
  }));

/** Pick a unit from the organization tree the person can see (used by org, grid, staffing and access pages). */
export function UnitTreeSelect({
  value,
  onChange,
  selectable = () => true,
  placeholder,
  allowClear,
  style,
  ...rest
}: Props) {
  const units = useUnits();
  const treeData = useMemo(() => toOptions(buildTree(units.data ?? []), selectable), [units.data, selectable]);
  return (
    <TreeSelect
      {...rest}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      treeData={treeData}
      loading={units.isPending}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandedKeys={treeData.map((o) => o.value)}
      popupMatchSelectWidth={false}
      style={{ minWidth: 200, maxWidth: '100%', ...style }}
    />
  );
}
