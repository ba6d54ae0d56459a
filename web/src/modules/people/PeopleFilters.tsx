import { FilterOutlined } from '@ant-design/icons';
import { Button, Col, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { useMessages } from '../../i18n';
import { UnitTreeSelect } from '../org/UnitTreeSelect';
import { usePeopleLabels, type Vocabulary } from './labels';
import { peopleMessages } from './messages';
import type { FilterKey, Filters } from './people-api';

interface Props {
  filters: Filters;
  onChange(key: FilterKey, value: string | undefined): void;
  onReset(): void;
}

const MORE: FilterKey[] = ['cadreLevel', 'fulltimePartyWorker', 'skill', 'campus', 'developmentStage'];

/** Search box and filters of the people list; the rarely used ones fold under 「更多筛选」. */
export function PeopleFilters({ filters, onChange, onReset }: Props) {
  const t = useMessages(peopleMessages);
  const labels = usePeopleLabels();
  // Open when a folded filter is already set (e.g. arriving from the staffing page's link).
  const [more, setMore] = useState(() => MORE.some((k) => filters[k]));

  const select = (key: FilterKey, vocab: Vocabulary, label: string) => (
    <Select
      allowClear
      placeholder={label}
      aria-label={label}
      value={filters[key] || undefined}
      onChange={(v) => onChange(key, v)}
      options={labels.options(vocab)}
      style={{ width: '100%' }}
      data-testid={`filter-${key}`}
    />
  );
  const text = (key: FilterKey, label: string) => (
    <Input.Search
      allowClear
      placeholder={label}
      aria-label={label}
      defaultValue={filters[key]}
      onSearch={(v) => onChange(key, v.trim() || undefined)}
    />
  );

  return (
    <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
      <Col xs={24} md={8}>
        <Input.Search
          allowClear
          enterButton
          placeholder={t('search')}
          aria-label={t('search')}
          defaultValue={filters.q}
          onSearch={(v) => onChange('q', v.trim() || undefined)}
          data-testid="people-search"
        />
      </Col>
      <Col xs={24} md={6}>
        <UnitTreeSelect
          allowClear
          placeholder={t('unit')}
          aria-label={t('unit')}
          value={filters.unitId ? Number(filters.unitId) : null}
          onChange={(id) => onChange('unitId', id ? String(id) : '')}
          style={{ width: '100%' }}
        />
      </Col>
      <Col xs={12} md={3}>
        {select('kind', 'kind', t('kind'))}
      </Col>
      <Col xs={12} md={4}>
        {select('politicalStatus', 'politicalStatus', t('politicalStatus'))}
      </Col>
      <Col xs={24} md={3}>
        <Button icon={<FilterOutlined />} onClick={() => setMore(!more)} block aria-expanded={more}>
          {t('moreFilters')}
        </Button>
      </Col>
      {more && (
        <>
          <Col xs={12} md={4}>
            {select('cadreLevel', 'cadreLevel', t('cadreLevel'))}
          </Col>
          <Col xs={12} md={4}>
            <Select
              allowClear
              placeholder={t('fulltime')}
              aria-label={t('fulltime')}
              value={filters.fulltimePartyWorker || undefined}
              onChange={(v) => onChange('fulltimePartyWorker', v)}
              options={[
                { value: 'true', label: t('yes') },
                { value: 'false', label: t('no') },
              ]}
              style={{ width: '100%' }}
            />
          </Col>
          <Col xs={12} md={4}>
            {select('developmentStage', 'developmentStage', t('developmentStage'))}
          </Col>
          <Col xs={12} md={4}>
            {text('skill', t('skill'))}
          </Col>
          <Col xs={12} md={4}>
            {text('campus', t('campus'))}
          </Col>
          <Col xs={12} md={4}>
            <Button onClick={onReset} block>
              {t('reset')}
            </Button>
          </Col>
        </>
      )}
    </Row>
  );
}
