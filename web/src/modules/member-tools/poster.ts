import QRCode from 'qrcode';

/** What a share poster says about an activity. */
export interface PosterFacts {
  title: string;
  when: string;
  place: string;
  organizer: string;
  url: string;
}

const W = 750;
const H = 1180;
const RED = '#c8102e';
const FONT = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/** Chinese has no spaces: wrap by measuring character by character, at most `maxLines` lines (… at the end). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (ctx.measureText(line + ch).width > width) {
      lines.push(line);
      line = ch;
      if (lines.length === maxLines) break;
    } else line += ch;
  }
  if (lines.length < maxLines && line) lines.push(line);
  if (lines.length === maxLines && lines.join('').length < [...text].length) {
    lines[maxLines - 1] = `${lines[maxLines - 1].slice(0, -1)}…`;
  }
  return lines;
}

/**
 * Draws the poster on a canvas in the browser (nothing leaves the phone) and returns it as a PNG data URL: a red
 * band with the platform's name, the activity's title, time, place and organizer, and a QR code of its sign-up
 * page (the `qrcode` package draws the code).
 */
export async function drawPoster(facts: PosterFacts): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = H;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, W, H);
  ctx.fillStyle = RED;
  ctx.fillRect(0, 0, W, 200);
  ctx.fillStyle = '#fff';
  ctx.font = `bold 44px ${FONT}`;
  ctx.fillText('先锋服务 · 志愿服务', 48, 95);
  ctx.font = `28px ${FONT}`;
  ctx.fillText('党员志愿服务活动招募', 48, 150);

  ctx.fillStyle = '#1f1f1f';
  ctx.font = `bold 52px ${FONT}`;
  let y = 300;
  for (const line of wrap(ctx, facts.title, W - 96, 3)) {
    ctx.fillText(line, 48, y);
    y += 68;
  }
  y += 20;
  ctx.font = `30px ${FONT}`;
  for (const [label, value] of [
    ['时间', facts.when],
    ['地点', facts.place],
    ['组织', facts.organizer],
  ]) {
    ctx.fillStyle = RED;
    ctx.fillText(label, 48, y);
    ctx.fillStyle = '#333';
    for (const line of wrap(ctx, value, W - 96 - 90, 2)) {
      ctx.fillText(line, 138, y);
      y += 44;
    }
    y += 16;
  }

  const qr = document.createElement('canvas');
  await QRCode.toCanvas(qr, facts.url, { width: 300, margin: 1, color: { dark: '#1f1f1f', light: '#ffffff' } });
  const qrY = Math.max(y + 20, H - 440);
  ctx.drawImage(qr, (W - 300) / 2, qrY);
  ctx.fillStyle = '#595959';
  ctx.font = `28px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.fillText('扫码查看详情并报名', W / 2, qrY + 350);
  ctx.font = `22px ${FONT}`;
  ctx.fillStyle = '#8c8c8c';
  ctx.fillText('长按图片可保存或转发', W / 2, qrY + 392);
  return canvas.toDataURL('image/png');
}
