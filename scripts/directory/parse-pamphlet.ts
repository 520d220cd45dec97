/**
 * Parses the national pamphlet 「中小企業活性化協議会事業のご案内」 (text extraction in data/seeds/) into the
 * council directory master data. The pamphlet prints the directory as parallel columns (name, operating body,
 * address, 〒, phone); the text extraction keeps each column as a block of lines. Councils with two offices
 * (double-height rows in the printed table) are extracted apart from the main name and operator columns, and the
 * address column follows the printed table order, so offices are placed with offline postal data (see below).
 *
 * The parser is strict: any deviation from the expected shape throws with a precise message, so a new
 * pamphlet edition cannot silently produce a wrong directory.
 */
import { PREFECTURES, prefectureByName, type DirectoryCouncil, type DirectoryOffice } from '@kasseika/domain';

export interface HeadquartersContact {
  readonly name: string;
  readonly organization: string;
  readonly department: string;
  readonly phone: string;
  readonly fax: string;
  readonly postalCode: string;
  readonly address: string;
}

export interface RelatedBody {
  readonly id: 'yorozu' | 'business-succession';
  readonly name: string;
  readonly description: string;
}

export interface ParsedPamphlet {
  readonly asOf: string;
  readonly councils: DirectoryCouncil[];
  readonly headquarters: HeadquartersContact;
  readonly relatedBodies: RelatedBody[];
}

export class PamphletFormatError extends Error {
  constructor(message: string) {
    super(`pamphlet: ${message}`);
    this.name = 'PamphletFormatError';
  }
}

const COUNCIL_SUFFIX = '中小企業活性化協議会';
const H_NAMES = '協議会名';
const H_BODIES = '協議会を設置する認定支援機関';
const H_ADDRESS = /^住\s*所$/;
const H_POSTAL = '郵便番号';
const H_PHONE = '電話番号';

function indexOfLine(lines: readonly string[], test: string | RegExp, from = 0): number {
  for (let i = from; i < lines.length; i++) {
    const l = (lines[i] ?? '').trim();
    if (typeof test === 'string' ? l === test : test.test(l)) return i;
  }
  throw new PamphletFormatError(`heading ${String(test)} not found after line ${from + 1}`);
}

/** Non-empty lines between two indexes (exclusive), with surrounding whitespace removed. */
function block(lines: readonly string[], start: number, end: number): string[] {
  return lines
    .slice(start + 1, end)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** Non-empty lines after `start`, up to the first empty line after at least one non-empty line. */
function column(lines: readonly string[], start: number): string[] {
  const out: string[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const l = (lines[i] ?? '').trim();
    if (l === '') {
      if (out.length > 0) break;
      continue;
    }
    out.push(l);
  }
  return out;
}

function prefectureOfCouncilName(name: string): string {
  if (!name.endsWith(COUNCIL_SUFFIX)) throw new PamphletFormatError(`not a council name: ${name}`);
  const pref = prefectureByName(name.slice(0, -COUNCIL_SUFFIX.length));
  if (!pref) throw new PamphletFormatError(`unknown prefecture in council name: ${name}`);
  return pref.code;
}

/** Keeps the printed value but removes line-end whitespace only; inner spacing is part of the pamphlet's text. */
function exact(value: string): string {
  return value.trim();
}

/**
 * Locates an office: the prefecture codes its postal code and address may lie in. Injected so the parser stays
 * pure; the generator passes offline postal data.
 */
export type OfficeLocator = (postalCode: string, address: string) => string[];

export function parsePamphlet(text: string, locate: OfficeLocator): ParsedPamphlet {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');

  const iNames = indexOfLine(lines, H_NAMES);
  const iBodies = indexOfLine(lines, H_BODIES, iNames);
  const iAddress = indexOfLine(lines, H_ADDRESS, iBodies);
  const iPostal = indexOfLine(lines, H_POSTAL, iAddress);
  const iPhone = indexOfLine(lines, H_PHONE, iPostal);

  const mainNames = block(lines, iNames, iBodies);
  const bodiesBlock = block(lines, iBodies, iAddress);
  const twoOfficeNames = bodiesBlock.filter((l) => l.endsWith(COUNCIL_SUFFIX));
  const bodies = bodiesBlock.filter((l) => !l.endsWith(COUNCIL_SUFFIX));
  const allNames = [...mainNames, ...twoOfficeNames];
  if (bodies.length !== allNames.length) {
    throw new PamphletFormatError(`${allNames.length} council names but ${bodies.length} operating bodies`);
  }

  const byCode = new Map<string, { name: string; body: string; offices: number }>();
  allNames.forEach((name, i) => {
    const code = prefectureOfCouncilName(name);
    if (byCode.has(code)) throw new PamphletFormatError(`council listed twice: ${name}`);
    byCode.set(code, { name, body: bodies[i] ?? '', offices: twoOfficeNames.includes(name) ? 2 : 1 });
  });
  if (byCode.size !== PREFECTURES.length) {
    const missing = PREFECTURES.filter((p) => !byCode.has(p.code)).map((p) => p.name);
    throw new PamphletFormatError(`expected ${PREFECTURES.length} councils, found ${byCode.size}; missing ${missing.join('、')}`);
  }

  const addresses = column(lines, iAddress);
  const postals = column(lines, iPostal);
  const phones = column(lines, iPhone);
  const officeCount = [...byCode.values()].reduce((n, c) => n + c.offices, 0);
  for (const [label, col] of [
    ['addresses', addresses],
    ['postal codes', postals],
    ['phone numbers', phones],
  ] as const) {
    if (col.length !== officeCount) throw new PamphletFormatError(`expected ${officeCount} ${label}, found ${col.length}`);
  }
  postals.forEach((p, i) => {
    if (!/^\d{3}-\d{4}$/.test(p)) throw new PamphletFormatError(`postal code #${i + 1} malformed: ${p}`);
  });
  phones.forEach((p, i) => {
    if (!/^0\d{1,4}-\d{1,4}-\d{4}$/.test(p)) throw new PamphletFormatError(`phone #${i + 1} malformed: ${p}`);
  });

  // The address, 〒 and phone columns run in the pamphlet's table order (METI regional-bureau order, the
  // two-office councils on double-height rows), which is not JIS order. Each row is assigned to its council by
  // locating the office with offline postal data; the result must give every council exactly its number of rows,
  // in the same relative order as the printed name column.
  const rowsByCode = new Map<string, number[]>();
  addresses.forEach((address, row) => {
    const candidates = locate(postals[row] ?? '', address).filter((code) => byCode.has(code));
    if (candidates.length !== 1) {
      throw new PamphletFormatError(
        `cannot place office row ${row + 1} (${address}, 〒${postals[row]}): candidates ${candidates.join(',') || 'none'}`,
      );
    }
    const code = candidates[0] ?? '';
    rowsByCode.set(code, [...(rowsByCode.get(code) ?? []), row]);
  });
  for (const [code, c] of byCode) {
    const n = rowsByCode.get(code)?.length ?? 0;
    if (n !== c.offices) throw new PamphletFormatError(`${c.name}: expected ${c.offices} office row(s), located ${n}`);
  }
  const firstRowOf = (name: string) => rowsByCode.get(prefectureOfCouncilName(name))?.[0] ?? -1;
  for (let i = 1; i < mainNames.length; i++) {
    if (firstRowOf(mainNames[i - 1] ?? '') > firstRowOf(mainNames[i] ?? '')) {
      throw new PamphletFormatError(`office rows out of the printed order at ${mainNames[i]}`);
    }
  }

  const councils: DirectoryCouncil[] = PREFECTURES.map((pref) => {
    const c = byCode.get(pref.code);
    if (!c) throw new PamphletFormatError(`no council for ${pref.name}`);
    const offices: DirectoryOffice[] = (rowsByCode.get(pref.code) ?? []).map((row, k) => ({
      id: `${pref.slug}-${k + 1}`,
      address: exact(addresses[row] ?? ''),
      postalCode: postals[row] ?? '',
      phone: phones[row] ?? '',
    }));
    return {
      id: pref.slug,
      prefectureCode: pref.code,
      prefecture: pref.name,
      name: c.name,
      operatingBody: c.body,
      offices,
    };
  });

  return {
    asOf: parseAsOf(lines),
    councils,
    headquarters: parseHeadquarters(lines),
    relatedBodies: parseRelatedBodies(lines),
  };
}

function parseAsOf(lines: readonly string[]): string {
  for (const l of lines) {
    const m = /^(\d{4})年(\d{1,2})月(\d{1,2})日現在$/.exec(l.trim());
    if (m) return `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
  }
  throw new PamphletFormatError('edition date (YYYY年M月D日現在) not found');
}

function parseHeadquarters(lines: readonly string[]): HeadquartersContact {
  const i = indexOfLine(lines, 'このパンフレットのお問い合わせは');
  const [organization, deptLine, telLine, addrLine] = column(lines, i);
  if (!organization || !deptLine || !telLine || !addrLine) throw new PamphletFormatError('headquarters contact incomplete');
  const dept = /^(.*)（(中小企業活性化全国本部)）$/.exec(deptLine);
  const tel = /^TEL．([\d-]+)\s+FAX．([\d-]+)$/.exec(telLine);
  const addr = /^〒(\d{3}-\d{4})\s+(.+)$/.exec(addrLine);
  if (!dept || !tel || !addr) throw new PamphletFormatError('headquarters contact lines not recognised');
  return {
    name: dept[2] ?? '',
    organization,
    department: (dept[1] ?? '').trim(),
    phone: tel[1] ?? '',
    fax: tel[2] ?? '',
    postalCode: addr[1] ?? '',
    address: (addr[2] ?? '').trim(),
  };
}

function parseRelatedBodies(lines: readonly string[]): RelatedBody[] {
  const i = indexOfLine(lines, '関係機関のご紹介');
  const paragraphs: string[] = [];
  let current = '';
  for (let k = i + 1; k < lines.length; k++) {
    const l = (lines[k] ?? '').trim();
    if (l === '') {
      if (current) paragraphs.push(current);
      current = '';
    } else current += l.replace(/\s+/g, ''); // \s includes the ideographic space U+3000
  }
  if (current) paragraphs.push(current);
  const [yorozu, succession, names] = paragraphs;
  if (!yorozu || !succession || names !== 'よろず支援拠点事業承継・引継ぎ支援センター') {
    throw new PamphletFormatError('related bodies section not recognised');
  }
  return [
    { id: 'yorozu', name: 'よろず支援拠点', description: yorozu },
    { id: 'business-succession', name: '事業承継・引継ぎ支援センター', description: succession },
  ];
}
