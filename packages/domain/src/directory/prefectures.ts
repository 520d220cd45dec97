/**
 * The 47 prefectures of Japan with their JIS X 0401 codes, in JIS order. Stable public facts, used to key the
 * councils (one council per prefecture, REFERENCE §0 "Legal basis").
 *
 * @see ../../../../docs/glossary.md
 */
export interface Prefecture {
  /** JIS X 0401 code, two digits: '01' 北海道 … '47' 沖縄県. */
  readonly code: string;
  /** Name with its suffix (都・道・府・県), as written in the pamphlet. */
  readonly name: string;
  /** Name without the suffix, as people type it: 東京, 大阪, 北海道. */
  readonly shortName: string;
  /** Romanised name, also the URL slug of the council. */
  readonly slug: string;
  /** English display name. */
  readonly nameEn: string;
}

const RAW: ReadonlyArray<readonly [string, string, string]> = [
  ['北海道', 'hokkaido', 'Hokkaido'],
  ['青森県', 'aomori', 'Aomori'],
  ['岩手県', 'iwate', 'Iwate'],
  ['宮城県', 'miyagi', 'Miyagi'],
  ['秋田県', 'akita', 'Akita'],
  ['山形県', 'yamagata', 'Yamagata'],
  ['福島県', 'fukushima', 'Fukushima'],
  ['茨城県', 'ibaraki', 'Ibaraki'],
  ['栃木県', 'tochigi', 'Tochigi'],
  ['群馬県', 'gunma', 'Gunma'],
  ['埼玉県', 'saitama', 'Saitama'],
  ['千葉県', 'chiba', 'Chiba'],
  ['東京都', 'tokyo', 'Tokyo'],
  ['神奈川県', 'kanagawa', 'Kanagawa'],
  ['新潟県', 'niigata', 'Niigata'],
  ['富山県', 'toyama', 'Toyama'],
  ['石川県', 'ishikawa', 'Ishikawa'],
  ['福井県', 'fukui', 'Fukui'],
  ['山梨県', 'yamanashi', 'Yamanashi'],
  ['長野県', 'nagano', 'Nagano'],
  ['岐阜県', 'gifu', 'Gifu'],
  ['静岡県', 'shizuoka', 'Shizuoka'],
  ['愛知県', 'aichi', 'Aichi'],
  ['三重県', 'mie', 'Mie'],
  ['滋賀県', 'shiga', 'Shiga'],
  ['京都府', 'kyoto', 'Kyoto'],
  ['大阪府', 'osaka', 'Osaka'],
  ['兵庫県', 'hyogo', 'Hyogo'],
  ['奈良県', 'nara', 'Nara'],
  ['和歌山県', 'wakayama', 'Wakayama'],
  ['鳥取県', 'tottori', 'Tottori'],
  ['島根県', 'shimane', 'Shimane'],
  ['岡山県', 'okayama', 'Okayama'],
  ['広島県', 'hiroshima', 'Hiroshima'],
  ['山口県', 'yamaguchi', 'Yamaguchi'],
  ['徳島県', 'tokushima', 'Tokushima'],
  ['香川県', 'kagawa', 'Kagawa'],
  ['愛媛県', 'ehime', 'Ehime'],
  ['高知県', 'kochi', 'Kochi'],
  ['福岡県', 'fukuoka', 'Fukuoka'],
  ['佐賀県', 'saga', 'Saga'],
  ['長崎県', 'nagasaki', 'Nagasaki'],
  ['熊本県', 'kumamoto', 'Kumamoto'],
  ['大分県', 'oita', 'Oita'],
  ['宮崎県', 'miyazaki', 'Miyazaki'],
  ['鹿児島県', 'kagoshima', 'Kagoshima'],
  ['沖縄県', 'okinawa', 'Okinawa'],
];

function shortNameOf(name: string): string {
  return name === '北海道' ? name : name.replace(/[都府県]$/, '');
}

/** All 47 prefectures in JIS order. */
export const PREFECTURES: readonly Prefecture[] = RAW.map(([name, slug, nameEn], i) => ({
  code: String(i + 1).padStart(2, '0'),
  name,
  shortName: shortNameOf(name),
  slug,
  nameEn,
}));

const BY_CODE = new Map(PREFECTURES.map((p) => [p.code, p]));
const BY_NAME = new Map(PREFECTURES.flatMap((p) => [[p.name, p] as const, [p.shortName, p] as const]));

/**
 * Looks a prefecture up by its JIS code.
 * @example prefectureByCode('13')?.name // '東京都'
 */
export function prefectureByCode(code: string): Prefecture | undefined {
  return BY_CODE.get(code);
}

/**
 * Looks a prefecture up by its name, with or without the 都・府・県 suffix.
 * @example prefectureByName('大阪')?.code // '27'
 */
export function prefectureByName(name: string): Prefecture | undefined {
  return BY_NAME.get(name.trim());
}

/**
 * Finds the prefecture an address starts with, if it names one (addresses in the pamphlet mostly omit it).
 * @example prefectureOfAddress('東京都千代田区丸の内3-2-2')?.code // '13'
 */
export function prefectureOfAddress(address: string): Prefecture | undefined {
  return PREFECTURES.find((p) => address.startsWith(p.name));
}
