import { Button, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useMessages } from '../i18n';
import { UnitTreeSelect } from '../modules/org/UnitTreeSelect';
import { componentMessages } from './messages';
import type { ListParams } from './useListParams';

/**
 * One labelled filter of an office list. `text` searches on Enter, `select` and `unit` apply at once,
 * `dateRange` writes two keys (`from`/`to` by default, as YYYY-MM-DD).
 */
export type FilterField =
  | { kind: 'text'; key: string; label: string; placeholder?: string }
  | { kind: 'select'; key: string; label: string; options: { value: string; label: string }[]; multiple?: false }
  | { kind: 'unit'; key: string; label: string }
  | { kind: 'dateRange'; label: string; fromKey?: string; toKey?: string };

/**
 * The filters above an office list, each with its label above it (so a filter never relies on a placeholder
 * alone), and a 重置 button. Values live in the address bar through `useListParams`.
 */
export function FilterBar({ list, fields, extra }: { list: ListParams; fields: FilterField[]; extra?: ReactNode }) {
  const t = useMessages(componentMessages);
  const f = list.filters;
  const item = (field: FilterField) => {
    switch (field.kind) {
      case 'text':
        return (
          <Input.Search
            key={`${field.key}:${f[field.key] ?? ''}`}
            allowClear
            aria-label={field.label}
            placeholder={field.placeholder ?? t('enterToSearch')}
            defaultValue={f[field.key]}
            onSearch={(v) => list.setFilter(field.key, v.trim() || undefined)}
            data-testid={`filter-${field.key}`}
          />
        );
      case 'select':
        return (
          <Select
            allowClear
            aria-label={field.label}
            placeholder={t('any')}
            value={f[field.key] || undefined}
            onChange={(v) => list.setFilter(field.key, v ?? undefined)}
            options={field.options}
            style={{ width: '100%' }}
            data-testid={`filter-${field.key}`}
          />
        );
      case 'unit':
        return (
          <UnitTreeSelect
            allowClear
            aria-label={field.label}
            placeholder={t('anyUnit')}
            value={f[field.key] ? Number(f[field.key]) : null}
            onChange={(id) => list.setFilter(field.key, id ? String(id) : null)}
            style={{ width: '100%' }}
          />
        );
      case 'dateRange': {
        const fromKey = field.fromKey ?? 'from';
        const toKey = field.toKey ?? 'to';
        const value: [Dayjs | null, Dayjs | null] = [
          f[fromKey] ? dayjs(f[fromKey]) : null,
          f[toKey] ? dayjs(f[toKey]) : null,
        ];
        return (
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            aria-label={field.label}
            value={value}
            style={{ width: '100%' }}
            onChange={(v) =>
              list.setFilters({
                [fromKey]: v?.[0] ? v[0].format('YYYY-MM-DD') : undefined,
                [toKey]: v?.[1] ? v[1].format('YYYY-MM-DD') : undefined,
              })
            }
            data-testid={`filter-${fromKey}`}
          />
        );
      }
    }
  };
  return (
    <Form layout="vertical" component="div" style={{ marginBottom: 4 }}>
      <Row gutter={[12, 0]} align="bottom">
        {fields.map((field) => (
          <Col key={field.kind === 'dateRange' ? (field.fromKey ?? 'from') : field.key} xs={24} sm={12} md={6}>
            <Form.Item label={field.label} style={{ marginBottom: 12 }}>
              {item(field)}
            </Form.Item>
          </Col>
        ))}
        <Col xs={24} sm={12} md={6}>
          <Form.Item style={{ marginBottom: 12 }}>
            <Button onClick={list.reset} data-testid="filter-reset">
              {t('reset')}
            </Button>
            {extra}
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
