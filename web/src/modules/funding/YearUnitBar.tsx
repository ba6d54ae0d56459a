import { Card, Select, Space } from 'antd';
import { useSearchParams } from 'react-router';
import { useMessages } from '../../i18n';
import { useSession } from '../../session';
import { UnitTreeSelect } from '../org/UnitTreeSelect';
import { thisYear, yearOptions } from './funding-api';
import { fundingMessages } from './messages';

/** The year and unit a funding page shows, kept in the address bar (`?year=&unitId=`); default this year, current unit. */
export function useYearUnit() {
  const { currentUnit } = useSession();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || thisYear();
  const unitId = Number(params.get('unitId')) || currentUnit?.id || undefined;
  const set = (next: { year?: number; unitId?: number }) =>
    setParams((p) => {
      if (next.year) p.set('year', String(next.year));
      if (next.unitId) p.set('unitId', String(next.unitId));
      return p;
    });
  return { year, unitId, set };
}

export function YearUnitBar({ state }: { state: ReturnType<typeof useYearUnit> }) {
  const t = useMessages(fundingMessages);
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Space wrap>
        <span>{t('year')}</span>
        <Select
          aria-label={t('year')}
          value={state.year}
          options={yearOptions()}
          onChange={(year) => state.set({ year })}
          style={{ width: 100 }}
          data-testid="funding-year"
        />
        <span>{t('unit')}</span>
        <UnitTreeSelect
          aria-label={t('unit')}
          value={state.unitId}
          onChange={(id) => id && state.set({ unitId: id })}
          style={{ width: 'min(300px, 70vw)' }}
        />
      </Space>
    </Card>
  );
}
