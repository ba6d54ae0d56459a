import { useQuery } from '@tanstack/react-query';
import { Alert, Spin } from 'antd';
import { useParams } from 'react-router';
import { ApiError, get } from '../../api';
import { useMessages } from '../../i18n';
import type { TrackedDemand } from './demands-api';
import { demandMessages } from './messages';
import { TrackedView } from './TrackPage';

/** /rate/:token (public): the signed rating link sent to a requester; no sign-in, no tracking code needed. */
export default function RateLinkPage() {
  const t = useMessages(demandMessages);
  const { token = '' } = useParams();
  const key = ['rate-link', token];
  const demand = useQuery({
    queryKey: key,
    queryFn: () => get<TrackedDemand>(`/api/public/rate-links/${encodeURIComponent(token)}`),
    retry: false,
  });
  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      {demand.isPending && <Spin style={{ display: 'block', margin: 32 }} />}
      {demand.isError && (
        <Alert
          type="warning"
          showIcon
          message={
            demand.error instanceof ApiError && demand.error.status === 404 ? t('notFound') : demand.error.message
          }
        />
      )}
      {demand.data && (
        <TrackedView
          demand={demand.data}
          rateUrl={`/api/public/rate-links/${encodeURIComponent(token)}`}
          queryKey={key}
        />
      )}
    </div>
  );
}
