import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const FONT_REGULAR = readFileSync(require.resolve('@expo-google-fonts/biz-udpgothic/400Regular/BIZUDPGothic_400Regular.ttf'));
const FONT_BOLD = readFileSync(require.resolve('@expo-google-fonts/biz-udpgothic/700Bold/BIZUDPGothic_700Bold.ttf'));

/** `2026-11-24` → `2026年11月24日`. */
export function japaneseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * A Japanese A4 portrait letter of the council (BIZ UDPGothic embedded as `regular` and `bold`): the document, the
 * text width, and the bytes once `doc.end()` is called.
 */
export function startCouncilPdf(meta: { title: string; author: string; date: string }) {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 64, right: 64 },
    info: { Title: meta.title, Author: meta.author, Creator: 'Kasseika', CreationDate: new Date(`${meta.date}T00:00:00+09:00`) },
    lang: 'ja-JP',
    displayTitle: true,
  });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  return { doc, width, done };
}
