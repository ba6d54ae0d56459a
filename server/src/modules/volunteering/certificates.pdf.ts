import { createRequire } from 'node:module';
import { formatMinutes, HOUR_CATEGORY_LABELS, type HourCategory } from '@pioneer/domain';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { shanghaiDate } from './shared';

/**
 * 志愿服务证明 as a PDF with the four blocks of the national guidance: the volunteer (by volunteer number,
 * never the ID number), the service record, the issuing organization with its responsible and handling
 * persons and seal, and the serial number with a verification QR code and address. Chinese is set in
 * Noto Sans SC (TTF from an npm package; pdfkit embeds a subset with a ToUnicode map, so text extracts).
 */
const require = createRequire(import.meta.url);
const FONT = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');

export interface CertificateRecord {
  date: string;
  title: string;
  category: string;
  minutes: number;
}
export interface CertificateDoc {
  serial: string;
  personName: string;
  volunteerNo: string;
  personUnitName: string;
  unitName: string;
  periodFrom: string;
  periodTo: string;
  totalMinutes: number;
  activityCount: number;
  records: CertificateRecord[];
  /** Flagged hours still under review at issue: left out of the total, and said so on the certificate. */
  pendingMinutes: number;
  pendingCount: number;
  responsibleName: string;
  handlerName: string;
  issuedAt: string;
  revokedAt: string | null;
  verifyUrl: string;
}

const MAX_LINES = 18;
const RED = '#c0392b';
const cnDate = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

export async function renderCertificate(c: CertificateDoc): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: `志愿服务证明 ${c.serial}`, Author: c.unitName },
  });
  doc.registerFont('cjk', FONT);
  doc.registerFont('cjk-bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const left = 56;
  const width = doc.page.width - 112;

  doc
    .font('cjk-bold')
    .fontSize(26)
    .fillColor('#000')
    .text('志愿服务证明', left, 60, { width, align: 'center', characterSpacing: 6 });
  doc.font('cjk').fontSize(9).fillColor('#555').text(`证明编号：${c.serial}`, left, 100, { width, align: 'right' });
  if (c.revokedAt)
    doc
      .font('cjk-bold')
      .fontSize(12)
      .fillColor(RED)
      .text(`本证明已于 ${shanghaiDate(c.revokedAt)} 撤销`, left, 114, { width, align: 'center' });

  const heading = (text: string, y?: number) => {
    doc
      .font('cjk-bold')
      .fontSize(13)
      .fillColor('#000')
      .text(text, left, y ?? doc.y + 10);
    doc
      .moveTo(left, doc.y + 2)
      .lineTo(left + width, doc.y + 2)
      .lineWidth(0.6)
      .strokeColor('#999')
      .stroke();
    doc.moveDown(0.4);
  };
  const line = (label: string, value: string) => {
    doc
      .font('cjk')
      .fontSize(11)
      .fillColor('#333')
      .text(`${label}：`, left, doc.y, { continued: true })
      .fillColor('#000')
      .text(value);
  };

  heading('一、志愿者信息', 132);
  line('姓名', c.personName);
  line('志愿者编号', c.volunteerNo);
  line('所在组织', c.personUnitName);

  heading('二、服务记录');
  line('服务期间', `${cnDate(c.periodFrom)}至${cnDate(c.periodTo)}`);
  line(
    '累计服务时长',
    `${formatMinutes(c.totalMinutes)}（${(c.totalMinutes / 60).toFixed(1)}小时，共${c.activityCount}项服务）`,
  );
  doc.moveDown(0.3);
  const cols = [left, left + 80, left + 330, left + 410];
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    doc
      .font(bold ? 'cjk-bold' : 'cjk')
      .fontSize(9.5)
      .fillColor('#000');
    cells.forEach((cell, i) => {
      doc.text(cell, cols[i], y, {
        width: (cols[i + 1] ?? left + width) - cols[i] - 6,
        lineBreak: false,
        ellipsis: true,
      });
    });
    doc.y = y + 15;
  };
  row(['日期', '服务内容', '类别', '时长'], true);
  for (const r of c.records.slice(0, MAX_LINES)) {
    row([r.date, r.title, HOUR_CATEGORY_LABELS[r.category as HourCategory] ?? r.category, formatMinutes(r.minutes)]);
  }
  if (c.records.length > MAX_LINES) row(['', `……其余 ${c.records.length - MAX_LINES} 项见出具单位存档`, '', '']);
  if (c.pendingCount > 0) {
    row(['', `另有 ${c.pendingCount} 项共${formatMinutes(c.pendingMinutes)}正在复核，未计入本证明`, '', '']);
  }

  heading('三、出具组织');
  const orgTop = doc.y;
  line('出具单位', c.unitName);
  line('负责人', c.responsibleName);
  line('经办人', c.handlerName);
  line('出具日期', cnDate(shanghaiDate(c.issuedAt)));
  drawSeal(doc, left + width - 70, orgTop + 38, c.unitName);
  doc.y = Math.max(doc.y, orgTop + 90);

  heading('四、证明编号与核验');
  const verifyTop = doc.y;
  const qr = await QRCode.toBuffer(c.verifyUrl, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });
  doc.image(qr, left + width - 96, verifyTop, { width: 96 });
  doc.y = verifyTop;
  line('证明编号', c.serial);
  doc
    .font('cjk')
    .fontSize(11)
    .fillColor('#333')
    .text('核验地址：', left, doc.y, { width: width - 110 });
  doc
    .font('cjk')
    .fontSize(9)
    .fillColor('#1a4f9c')
    .text(c.verifyUrl, left, doc.y, { width: width - 110, link: c.verifyUrl });
  doc.moveDown(0.4);
  doc
    .font('cjk')
    .fontSize(9)
    .fillColor('#555')
    .text(
      '扫描右侧二维码或访问核验地址，可查验本证明的真伪与内容。本证明依据《志愿服务条例》和志愿服务记录有关规定出具，服务时长仅计服务本身，不含会议与培训。',
      left,
      doc.y,
      { width: width - 110 },
    );
  doc.end();
  return done;
}

/** A round red seal: the unit name along the upper arc, a star, and 志愿服务专用章. */
function drawSeal(doc: PDFKit.PDFDocument, cx: number, cy: number, unitName: string) {
  const r = 44;
  doc.save();
  doc.lineWidth(2).strokeColor(RED).circle(cx, cy, r).stroke();
  const star = Array.from({ length: 10 }, (_, i) => {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? 11 : 4.5;
    return [cx + rr * Math.cos(a), cy + rr * Math.sin(a)] as [number, number];
  });
  doc
    .polygon(...star)
    .fillColor(RED)
    .fill();
  const chars = [...unitName].slice(0, 16);
  const span = Math.min(240, chars.length * 20);
  doc.font('cjk').fontSize(8).fillColor(RED);
  chars.forEach((ch, i) => {
    const angle = -span / 2 + (chars.length === 1 ? 0 : (i * span) / (chars.length - 1));
    doc.save();
    doc.rotate(angle, { origin: [cx, cy] });
    doc.text(ch, cx - 4, cy - r + 4, { width: 8, align: 'center', lineBreak: false });
    doc.restore();
  });
  doc.fontSize(6.5).text('志愿服务专用章', cx - 30, cy + 16, { width: 60, align: 'center', lineBreak: false });
  doc.restore();
}
