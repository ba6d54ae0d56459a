import { createHash } from 'node:crypto';

/**
 * A small valid one-page PDF standing in for a scanned invoice in the demo (ASCII text only: no font to embed).
 * Each carries its own number, so every demo receipt has its own content hash.
 */
export function receiptPdf(number: string, fen: number): { content: Buffer; sha256: string } {
  const text = [
    `Receipt ${number}`,
    `Amount CNY ${(fen / 100).toFixed(2)}`,
    'Demo document - Jiangnan Normal University',
  ];
  const stream = text.map((line, i) => `BT /F1 14 Tf 48 ${300 - i * 24} Td (${line}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 360] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const [i, obj] of objects.entries()) {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  }
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const content = Buffer.from(body, 'latin1');
  return { content, sha256: createHash('sha256').update(content).digest('hex') };
}
