import { AimOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { get } from '../../api';
import { useBilingual } from '../../components/useBilingual';

interface Place {
  key: string;
  kind: 'activity' | 'venue';
  name: string;
  detail: string;
  latitude: number;
  longitude: number;
  link: string;
}
interface Nearby {
  activities: { id: number; title: string; place: string; startsAt: string; latitude: number; longitude: number }[];
  venues: { id: number; name: string; address: string; latitude: number; longitude: number }[];
}

/** Great-circle distance in metres. */
export function distanceM(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }) {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(s));
}
const far = (m: number) => (m < 1000 ? `${Math.round(m)} m` : `${(m / 1000).toFixed(1)} km`);

/**
 * /volunteer/nearby — 附近的活动与阵地. No map tiles: the campus network cannot reach an outside tile server, so
 * the page lists what has coordinates by distance from the phone's position (asked once, never sent to the
 * server) and draws the points on a plain SVG plot, north up, with a scale bar.
 */
export function NearbyPage() {
  const L = useBilingual();
  const data = useQuery({ queryKey: ['nearby'], queryFn: () => get<Nearby>('/api/volunteer/nearby') });
  const [me, setMe] = useState<{ latitude: number; longitude: number } | null>(null);
  const [locError, setLocError] = useState<string | null>(null);
  const places: Place[] = [
    ...(data.data?.activities ?? []).map((a) => ({
      key: `a${a.id}`,
      kind: 'activity' as const,
      name: a.title,
      detail: `${dayjs(a.startsAt).format('YYYY-MM-DD HH:mm')} · ${a.place}`,
      latitude: a.latitude,
      longitude: a.longitude,
      link: `/volunteer/activities/${a.id}`,
    })),
    ...(data.data?.venues ?? []).map((v) => ({
      key: `v${v.id}`,
      kind: 'venue' as const,
      name: v.name,
      detail: v.address,
      latitude: v.latitude,
      longitude: v.longitude,
      link: `/venues`,
    })),
  ];
  const sorted = me ? [...places].sort((a, b) => distanceM(me, a) - distanceM(me, b)) : places;
  const locate = () => {
    if (!navigator.geolocation) {
      setLocError(L('此浏览器不能定位', 'This browser cannot locate you'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) => setMe({ latitude: p.coords.latitude, longitude: p.coords.longitude }),
      () =>
        setLocError(
          L(
            '没有取得位置（可能未允许定位）；下面按默认顺序列出',
            'No position (location may be blocked); listed in the default order',
          ),
        ),
      { timeout: 10_000 },
    );
  };

  return (
    <>
      <h1 className="pioneer-page-title">{L('附近的活动与阵地', 'Nearby activities and venues')}</h1>
      <Typography.Paragraph type="secondary">
        {L(
          '列出可报名、且标注了位置的活动和服务阵地。允许定位后按离您的距离排序；位置只在本机使用，不上传。',
          'Activities open for sign-up and venues that have a location. Allow location to sort them by distance; your position stays on this phone.',
        )}
      </Typography.Paragraph>
      <Button icon={<AimOutlined />} onClick={locate} style={{ marginBottom: 12 }} data-testid="nearby-locate">
        {L('使用我的位置', 'Use my location')}
      </Button>
      {locError && <Alert type="warning" showIcon title={locError} style={{ marginBottom: 12 }} />}
      {places.length === 0 && !data.isLoading ? (
        <Empty description={L('暂无标注了位置的活动或阵地', 'No activities or venues with a location yet')} />
      ) : (
        <>
          <Plot places={places} me={me} />
          <List
            dataSource={sorted}
            data-testid="nearby-list"
            renderItem={(p) => (
              <List.Item style={{ padding: '4px 0', border: 'none' }}>
                <Link to={p.link} style={{ display: 'block', width: '100%', color: 'inherit' }}>
                  <Card size="small" hoverable>
                    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                      <Space wrap size={6}>
                        <Tag color={p.kind === 'activity' ? 'red' : 'blue'}>
                          {p.kind === 'activity' ? L('活动', 'Activity') : L('阵地', 'Venue')}
                        </Tag>
                        <Typography.Text strong>{p.name}</Typography.Text>
                        {me && <Typography.Text type="secondary">{far(distanceM(me, p))}</Typography.Text>}
                      </Space>
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        {p.detail}
                      </Typography.Text>
                    </Space>
                  </Card>
                </Link>
              </List.Item>
            )}
          />
        </>
      )}
    </>
  );
}

/** The points on a north-up plot (equirectangular: fine over a campus or a city), with a scale bar. */
function Plot({ places, me }: { places: Place[]; me: { latitude: number; longitude: number } | null }) {
  const L = useBilingual();
  const all = me ? [...places, { ...me, key: 'me' }] : places;
  const lat0 = all.reduce((s, p) => s + p.latitude, 0) / all.length;
  const kx = Math.cos((lat0 * Math.PI) / 180);
  const xs = all.map((p) => p.longitude * kx);
  const ys = all.map((p) => p.latitude);
  const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 0.002);
  const size = 300;
  const pad = 20;
  const x = (p: { longitude: number }) => pad + ((p.longitude * kx - Math.min(...xs)) / span) * (size - 2 * pad);
  const y = (p: { latitude: number }) => size - pad - ((p.latitude - Math.min(...ys)) / span) * (size - 2 * pad);
  const metresPerUnit = (span * 111_320) / (size - 2 * pad);
  const barM = [100, 200, 500, 1000, 2000, 5000, 10000].find((m) => m / metresPerUnit > 50) ?? 10000;
  return (
    <svg
      viewBox={`0 0 ${size} ${size}`}
      style={{
        width: '100%',
        maxWidth: 420,
        display: 'block',
        margin: '0 auto 12px',
        background: '#fafafa',
        border: '1px solid #f0f0f0',
      }}
      role="img"
      aria-label={L('位置示意图', 'Location sketch')}
      data-testid="nearby-plot"
    >
      <text x={size - 16} y={18} fontSize={12} textAnchor="middle" fill="#8c8c8c">
        {L('北↑', 'N↑')}
      </text>
      {places.map((p) => (
        <circle
          key={p.key}
          cx={x(p)}
          cy={y(p)}
          r={6}
          fill={p.kind === 'activity' ? '#c8102e' : '#1677ff'}
          opacity={0.85}
        >
          <title>{p.name}</title>
        </circle>
      ))}
      {me && (
        <g>
          <circle cx={x(me)} cy={y(me)} r={7} fill="#fff" stroke="#389e0d" strokeWidth={3} />
          <text x={x(me) + 10} y={y(me) + 4} fontSize={12} fill="#389e0d">
            {L('我', 'me')}
          </text>
        </g>
      )}
      <line x1={pad} y1={size - 8} x2={pad + barM / metresPerUnit} y2={size - 8} stroke="#595959" strokeWidth={2} />
      <text x={pad} y={size - 12} fontSize={11} fill="#595959">
        {far(barM)}
      </text>
    </svg>
  );
}
