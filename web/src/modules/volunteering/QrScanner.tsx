import { CameraOutlined, PictureOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { defineMessages, useMessages } from '../../i18n';

const messages = defineMessages(
  {
    aim: '将组织者手机上的二维码放入框内',
    starting: '正在打开摄像头…',
    noCamera: '无法使用摄像头（{reason}）。可以拍照识别，或直接输入签到码。',
    photo: '拍照识别',
    notFound: '照片中没有找到二维码，请靠近一些再拍',
    stop: '关闭摄像头',
  },
  {
    aim: 'Hold the organizer’s QR code inside the frame',
    starting: 'Opening the camera…',
    noCamera: 'The camera is not available ({reason}). Take a photo instead, or type the code.',
    photo: 'Scan from a photo',
    notFound: 'No QR code found in the photo; try again closer',
    stop: 'Close camera',
  },
);

type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
// jsQR (pure JavaScript, ~45 KB gzip) loads only when someone opens the scanner.
let decoder: Promise<Decode> | null = null;
const loadDecoder = () => {
  decoder ??= import('jsqr').then(
    (m) => ((d, w, h) => m.default(d, w, h, { inversionAttempts: 'dontInvert' })) as Decode,
  );
  return decoder;
};

/** Reads the QR in a still image (a photo, or a camera frame) drawn into `canvas`, scaled to at most 800 px. */
async function decodeImage(source: CanvasImageSource, width: number, height: number, canvas: HTMLCanvasElement) {
  const scale = Math.min(1, 800 / Math.max(width, height));
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const g = canvas.getContext('2d', { willReadFrequently: true });
  if (!g) return null;
  g.drawImage(source, 0, 0, canvas.width, canvas.height);
  const image = g.getImageData(0, 0, canvas.width, canvas.height);
  return (await loadDecoder())(image.data, image.width, image.height)?.data ?? null;
}

/**
 * The phone's back camera reading the organizer's check-in QR (its text is the check-in address with the
 * activity and the current code). Where the camera cannot be used (no permission, no camera, an in-app
 * browser without getUserMedia), a photo taken with the camera app is read instead.
 */
export function QrScanner({ onResult, onClose }: { onResult(text: string): void; onClose(): void }) {
  const t = useMessages(messages);
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const photoInput = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<'starting' | 'live' | { error: string }>('starting');
  const [photoMiss, setPhotoMiss] = useState(false);
  const done = useRef(false);
  // The camera loop lives as long as the scanner; it reports through the latest callback.
  const report = useRef(onResult);
  report.current = onResult;
  const finish = (text: string) => {
    if (done.current) return;
    done.current = true;
    report.current(text);
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the camera opens once per scanner; `finish` reads refs.
  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    (async () => {
      try {
        if (!navigator.mediaDevices?.getUserMedia) throw new Error('浏览器不支持');
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } } });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        setState('live');
        await loadDecoder();
        // A few frames a second is enough for a QR held still, and spares the phone's battery.
        const tick = async () => {
          const v = video.current;
          if (stopped || !v || !canvas.current) return;
          if (v.videoWidth > 0) {
            const text = await decodeImage(v, v.videoWidth, v.videoHeight, canvas.current);
            if (text) return finish(text);
          }
          timer = window.setTimeout(tick, 200);
        };
        tick();
      } catch (err) {
        if (!stopped) setState({ error: err instanceof Error ? err.message || err.name : String(err) });
      }
    })();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);

  const readPhoto = async (file: File) => {
    setPhotoMiss(false);
    const bitmap = await createImageBitmap(file);
    const text = canvas.current ? await decodeImage(bitmap, bitmap.width, bitmap.height, canvas.current) : null;
    if (text) finish(text);
    else setPhotoMiss(true);
  };

  return (
    <Flex vertical gap={8} data-testid="qr-scanner">
      {typeof state === 'object' ? (
        <Alert type="warning" showIcon title={t('noCamera', { reason: state.error })} />
      ) : (
        <div style={{ position: 'relative', background: '#000', borderRadius: 8, overflow: 'hidden' }}>
          <video ref={video} muted playsInline style={{ width: '100%', display: 'block', maxHeight: 360 }} />
          <div
            style={{
              position: 'absolute',
              inset: '15%',
              border: '3px solid rgba(255,255,255,.85)',
              borderRadius: 12,
              pointerEvents: 'none',
            }}
          />
          <Typography.Text
            style={{ position: 'absolute', left: 0, right: 0, bottom: 8, textAlign: 'center', color: '#fff' }}
          >
            {state === 'starting' ? t('starting') : t('aim')}
          </Typography.Text>
        </div>
      )}
      <canvas ref={canvas} hidden />
      <input
        ref={photoInput}
        type="file"
        accept="image/*"
        capture="environment"
        hidden
        data-testid="qr-photo"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) readPhoto(file);
          e.target.value = '';
        }}
      />
      {photoMiss && <Alert type="error" showIcon title={t('notFound')} />}
      <Flex gap={8}>
        <Button icon={<PictureOutlined />} block onClick={() => photoInput.current?.click()}>
          {t('photo')}
        </Button>
        <Button icon={<CameraOutlined />} block onClick={onClose}>
          {t('stop')}
        </Button>
      </Flex>
    </Flex>
  );
}
