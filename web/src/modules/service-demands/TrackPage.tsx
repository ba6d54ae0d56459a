import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Rate,
  Result,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError, get, post } from '../../api';
import { useMessages } from '../../i18n';
import type { TrackedDemand } from './demands-api';
import { stateColor, useDemandLabels } from './labels';
import { demandMessages } from './messages';

const fmt = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** /track and /track/:code (public): follow a need by its tracking code, and rate it when it is done. */
export default function TrackPage() {
  const t = useMessages(demandMessages);
  const navigate = useNavigate();
  const { code } = useParams();
  const tracked = useQuery({
    queryKey: ['tracked', code],
    queryFn: () => get<TrackedDemand>(`/api/public/demands/${encodeURIComponent(code ?? '')}`),
    enabled: Boolean(code),
    retry: false,
  });
  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form
          layout="inline"
          style={{ rowGap: 8 }}
          onFinish={(v: { code: string }) => navigate(`/track/${v.code.trim().toUpperCase()}`)}
        >
          <Form.Item
            name="code"
            initialValue={code}
            rules={[{ required: true, message: t('enterCode') }]}
            style={{ flex: 1, minWidth: 180 }}
          >
            <Input placeholder={t('enterCode')} allowClear autoCapitalize="characters" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('track')}
          </Button>
        </Form>
      </Card>
      {tracked.isPending && code && <Spin style={{ display: 'block', margin: 32 }} />}
      {tracked.isError && (
        <Alert
          type="warning"
          showIcon
          message={
            tracked.error instanceof ApiError && tracked.error.status === 404 ? t('notFound') : tracked.error.message
          }
        />
      )}
      {tracked.data && (
        <TrackedView demand={tracked.data} rateUrl={`/api/public/demands/${code}/rate`} queryKey={['tracked', code]} />
      )}
    </div>
  );
}

/** A need as its requester sees it, with the rating form while it waits for one (shared with signed links). */
export function TrackedView({
  demand,
  rateUrl,
  queryKey,
}: {
  demand: TrackedDemand;
  rateUrl: string;
  queryKey: unknown[];
}) {
  const t = useMessages(demandMessages);
  const labels = useDemandLabels();
  // Kept here, not in the form: once rated, the need no longer offers the form, but the thanks should stay.
  const [justRated, setJustRated] = useState(false);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card
        title={demand.title}
        extra={
          <Tag color={stateColor(demand.state)} data-testid="tracked-state">
            {labels.state(demand.state)}
          </Tag>
        }
      >
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('description')}>{demand.description}</Descriptions.Item>
          {demand.category && <Descriptions.Item label={t('category')}>{demand.category}</Descriptions.Item>}
          <Descriptions.Item label={t('location')}>{demand.location || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('submittedAt')}>{fmt(demand.submittedAt)}</Descriptions.Item>
          {demand.claimUnit && (
            <Descriptions.Item
              label={t('servedBy')}
            >{`${demand.claimUnit}${demand.claimTeam ? ` · ${demand.claimTeam}` : ''}`}</Descriptions.Item>
          )}
          {demand.expectedAt && <Descriptions.Item label={t('expectedAt')}>{fmt(demand.expectedAt)}</Descriptions.Item>}
          {demand.result && <Descriptions.Item label={t('result')}>{demand.result}</Descriptions.Item>}
          {demand.lastRatingScore !== null && (
            <Descriptions.Item label={t('rating')}>
              <Rate disabled value={demand.lastRatingScore} />
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {justRated ? (
        <Result status="success" title={t('rated')} />
      ) : (
        demand.canRate && <RatingForm url={rateUrl} queryKey={queryKey} onDone={() => setJustRated(true)} />
      )}
      {demand.timeline && (
        <Card size="small" title={t('timeline')}>
          <Timeline
            items={demand.timeline.map((e) => ({
              children: (
                <>
                  <Typography.Text strong>{labels.action(e.action)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                    {fmt(e.at)}
                  </Typography.Text>
                  {e.note && <div>{e.note}</div>}
                </>
              ),
            }))}
          />
        </Card>
      )}
    </Space>
  );
}

function RatingForm({ url, queryKey, onDone }: { url: string; queryKey: unknown[]; onDone(): void }) {
  const t = useMessages(demandMessages);
  const queryClient = useQueryClient();
  // No preset: the requester chooses the stars (a preset 5 would record satisfaction nobody gave).
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const rate = useMutation({
    mutationFn: () => post(url, { score, comment }),
    onSuccess: () => {
      onDone();
      return queryClient.invalidateQueries({ queryKey });
    },
  });
  return (
    <Card size="small" title={t('rateTitle')} data-testid="rating-form">
      {rate.isError && <Alert type="error" showIcon message={rate.error.message} style={{ marginBottom: 8 }} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        <Rate value={score} onChange={setScore} aria-label={t('score')} style={{ fontSize: 28 }} />
        <Input.TextArea
          rows={3}
          maxLength={500}
          placeholder={t('comment')}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
        <Button type="primary" block onClick={() => rate.mutate()} loading={rate.isPending} disabled={score < 1}>
          {t('rateSubmit')}
        </Button>
      </Space>
    </Card>
  );
}
