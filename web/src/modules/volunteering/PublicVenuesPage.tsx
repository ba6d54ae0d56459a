import type { VenueType } from '@pioneer/domain';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get } from '../../api';
import { useMessages } from '../../i18n';
import { useVolLabels } from './labels';
import { volMessages } from './messages';

interface PublicVenue {
  id: number;
  name: string;
  type: VenueType;
  unitName: string;
  partnerName: string | null;
  address: string;
  openingHours: string;
  responsibleName: string;
  description: string;
  servicesLastYear: number;
}

/** /venues (public) — where to find Party-member service: every public venue with hours and address. */
export default function PublicVenuesPage() {
  const t = useMessages(volMessages);
  const labels = useVolLabels();
  const [type, setType] = useState<string>('all');
  const venues = useQuery({
    queryKey: ['vol-public-venues'],
    queryFn: () => get<{ items: PublicVenue[] }>('/api/public/venues'),
  });
  const types = [...new Set((venues.data?.items ?? []).map((v) => v.type))];
  const items = (venues.data?.items ?? []).filter((v) => type === 'all' || v.type === type);
  return (
    <div style={{ maxWidth: 900, margin: '0 auto' }}>
      <h1 className="pioneer-page-title">{t('publicVenues')}</h1>
      <Segmented
        style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
        value={type}
        onChange={(v) => setType(String(v))}
        options={[{ value: 'all', label: t('all') }, ...types.map((v) => ({ value: v, label: labels.venueType(v) }))]}
      />
      {venues.isSuccess && items.length === 0 && <Empty />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {items.map((v) => (
          <Card
            key={v.id}
            size="small"
            title={v.name}
            extra={<Tag color="red">{labels.venueType(v.type)}</Tag>}
            data-testid="public-venue"
          >
            <div>{t('venueAddress', { address: v.address })}</div>
            <div>{t('venueHours', { hours: v.openingHours })}</div>
            <div>
              {t('venueResponsible', {
                name: v.responsibleName,
                unit: v.unitName,
                partner: v.partnerName ? t('venuePartner', { name: v.partnerName }) : '',
              })}
            </div>
            {v.description && <Typography.Text type="secondary">{v.description}</Typography.Text>}
            <div>
              <Tag>{t('servicesLastYear', { n: v.servicesLastYear })}</Tag>
            </div>
          </Card>
        ))}
      </Space>
    </div>
  );
}
