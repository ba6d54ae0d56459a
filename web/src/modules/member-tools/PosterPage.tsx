import { DownloadOutlined, ShareAltOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { get } from '../../api';
import { useBilingual } from '../../components/useBilingual';
import { drawPoster } from './poster';

interface Activity {
  id: number;
  title: string;
  place: string;
  startsAt: string;
  endsAt: string;
  unitName: string;
}

/**
 * /volunteer/activities/:id/poster — 分享海报: an image with the activity and a QR code of its page, drawn in the
 * browser; long-press to save on a phone, or share it through the phone's share sheet where there is one.
 */
export function PosterPage() {
  const L = useBilingual();
  const { id } = useParams();
  const { message } = App.useApp();
  const [png, setPng] = useState<string | null>(null);
  const activity = useQuery({
    queryKey: ['activity', Number(id)],
    queryFn: () => get<Activity>(`/api/volunteer/activities/${id}`),
  });
  useEffect(() => {
    const a = activity.data;
    if (!a) return;
    const sameDay = dayjs(a.startsAt).isSame(a.endsAt, 'day');
    void drawPoster({
      title: a.title,
      when: `${dayjs(a.startsAt).format('YYYY年M月D日 HH:mm')}–${dayjs(a.endsAt).format(sameDay ? 'HH:mm' : 'M月D日 HH:mm')}`,
      place: a.place,
      organizer: a.unitName,
      url: `${window.location.origin}/volunteer/activities/${a.id}`,
    }).then(setPng);
  }, [activity.data]);

  const fileName = `活动海报_${activity.data?.title ?? id}.png`;
  const share = async () => {
    if (!png) return;
    const blob = await (await fetch(png)).blob();
    const file = new File([blob], fileName, { type: 'image/png' });
    if (navigator.canShare?.({ files: [file] })) await navigator.share({ files: [file], title: activity.data?.title });
    else
      message.info(
        L(
          '此浏览器不支持直接分享，请长按图片保存后转发',
          'This browser cannot share directly: long-press the image to save it, then send it',
        ),
      );
  };

  return (
    <>
      <h1 className="pioneer-page-title">{L('分享海报', 'Share poster')}</h1>
      {activity.isError && <Alert type="error" showIcon title={activity.error.message} />}
      <Space orientation="vertical" style={{ width: '100%', alignItems: 'center' }}>
        {png ? (
          <img
            src={png}
            alt={`${activity.data?.title} 海报`}
            style={{ width: '100%', maxWidth: 375, boxShadow: '0 2px 12px rgba(0,0,0,.15)' }}
            data-testid="poster-image"
          />
        ) : (
          <Spin />
        )}
        <Space wrap>
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            href={png ?? undefined}
            download={fileName}
            disabled={!png}
          >
            {L('保存图片', 'Save image')}
          </Button>
          <Button icon={<ShareAltOutlined />} onClick={share} disabled={!png}>
            {L('分享', 'Share')}
          </Button>
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {L(
            '图片在本机生成；二维码指向活动页，扫码登录后即可报名。',
            'Drawn on this device; the QR code opens the activity page, where people sign in to sign up.',
          )}
        </Typography.Text>
        <Link to={`/volunteer/activities/${id}`}>{L('返回活动', 'Back to the activity')}</Link>
      </Space>
    </>
  );
}
