/**
 * Helpers for the demo-school generator: a seeded PRNG, Chinese names, fictional resident ID numbers, phone
 * numbers and calendar arithmetic. Pure: no I/O, no clock, no Math.random. The catalog of the fictional
 * school lives in `demo-catalog.ts` and is re-exported here for existing importers.
 */
import { words } from './demo-catalog';

export {
  CAMPUSES,
  type Campus,
  COLLEGES,
  type College,
  DIRECTS,
  type DirectDef,
  JOINT_COLLEGES,
  lines,
  OFFICE_FIELDS,
  OFFICES,
  PARTNERS,
  type PartnerDef,
  type PartnerKind,
  SKILLS,
  TALENTS,
  words,
} from './demo-catalog';

/** mulberry32: small, fast, good enough for demo data. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }
  /** Fisher–Yates, in place; returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }
  weighted<T>(table: WeightedTable<T>): T {
    return table.draw(this.next());
  }
}

/** A cumulative table for repeated weighted draws (binary search). */
export class WeightedTable<T> {
  private readonly items: T[] = [];
  private readonly cumulative: number[] = [];
  private readonly total: number;
  constructor(entries: readonly (readonly [T, number])[]) {
    let sum = 0;
    for (const [item, weight] of entries) {
      if (weight <= 0) continue;
      sum += weight;
      this.items.push(item);
      this.cumulative.push(sum);
    }
    if (sum === 0) throw new Error('weighted table without weight');
    this.total = sum;
  }
  draw(u: number): T {
    const target = u * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}

/** Split `total` into integers proportional to `weights` (largest remainder); the parts sum to `total`. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (rest <= 0) break;
    parts[i] = (parts[i] as number) + 1;
    rest--;
  }
  return parts;
}

// ---------------------------------------------------------------- names

/** Surnames with rough relative frequencies (per mille of the population), common ones first. */
const SURNAMES = `
  王71 李70 张67 刘54 陈45 杨31 黄22 赵20 吴20 周19 徐15 孙15 马14 朱13 胡12 郭11 何11 高10 林10 罗9 郑9 梁9 谢8
  宋7 唐7 许7 韩7 冯7 邓7 曹7 彭6 曾6 肖6 田6 董5 袁5 潘5 于5 蒋5 蔡5 余5 杜5 叶5 程5 苏4 魏4 吕4 丁4 任4 沈4 姚4
  卢4 姜3 崔3 钟3 谭3 陆3 汪3 范3 金3 石3 廖3 贾3 夏3 韦3 付3 方3 白3 邹3 孟3 熊3 秦3 邱3 江3 尹3 薛2 闫2 段2 雷2
  侯2 龙2 史2 陶2 黎2 贺2 顾2 毛2 郝2 龚2 邵2 万2 钱2 严2 武2 戴2 孔1 向1 汤1 欧阳0.5 诸葛0.2 上官0.2 司马0.2`;
const SURNAME_TABLE = new WeightedTable(
  words(SURNAMES).map((w) => {
    const [, name, weight] = /^(\D+)([\d.]+)$/.exec(w) as RegExpExecArray;
    return [name as string, Number(weight)] as const;
  }),
);
const GIVEN_MALE = [
  ...'伟强磊军洋勇杰涛明超斌鹏浩宇轩博文俊晨昊然哲睿凯峰建志国华平东海亮辉刚成林帆毅诚琛航泽宸逸骏嘉铭子一天思家晓振永立德',
];
const GIVEN_FEMALE = [
  ...'芳娜敏静丽艳娟霞燕玲婷雪慧颖琳洁倩佳欣怡悦晴瑶雯萱涵彤琪璐蕾薇梦雨诗语梓思可馨月晓一嘉子若安文秀红丹萍',
];

/** A realistic Chinese name of 2–3 characters. */
export function randomName(rng: Rng, gender: 'male' | 'female'): string {
  const surname = rng.weighted(SURNAME_TABLE);
  const pool = gender === 'male' ? GIVEN_MALE : GIVEN_FEMALE;
  const first = rng.pick(pool);
  if (surname.length > 1 || rng.chance(0.3)) return surname + first;
  let second = rng.pick(pool);
  while (second === first) second = rng.pick(pool);
  return surname + first + second;
}

// ---------------------------------------------------------------- dates

/** Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(days: number): { y: number; m: number; d: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function formatDays(days: number): string {
  const { y, m, d } = civilFromDays(days);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

export function parseDate(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return daysFromCivil(y, m, d);
}

/** The same calendar day `years` later (29 Feb becomes 28 Feb). */
export function addYears(days: number, years: number): number {
  const { y, m, d } = civilFromDays(days);
  const target = daysFromCivil(y + years, m, d);
  return civilFromDays(target).m === m ? target : daysFromCivil(y + years, m, 28);
}

/** A uniformly random day within the given year (or years, inclusive). */
export function randomDayInYears(rng: Rng, fromYear: number, toYear: number): number {
  return rng.int(daysFromCivil(fromYear, 1, 1), daysFromCivil(toYear, 12, 31));
}

// ---------------------------------------------------------------- ID numbers and phones

/** County codes with weights: mostly Jiangsu, some from other provinces (students come from everywhere). */
const REGION_CODES = new WeightedTable<string>([
  ...words('320102 320104 320105 320106 320111 320113 320114 320115 320116 320117').map((c) => [c, 4] as const),
  ...words(`320205 320211 320302 320382 320402 320411 320505 320506 320583 320602 320684 320703 320812 320902 320981
    321002 321102 321202 321302`).map((c) => [c, 2] as const),
  ...words(`340104 340202 370102 370202 410105 330106 330204 360102 420106 430104 510107 610113 130102 140105 220102
    230103 350102 450103 500103 520102`).map((c) => [c, 1] as const),
]);

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** ISO 7064 MOD 11-2 check character for the first 17 digits of a resident ID number. */
export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] as number);
  return ID_CHECK[sum % 11] as string;
}

export function isValidIdNumber(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && idCheckDigit(id.slice(0, 17)) === id[17];
}

/**
 * An 18-digit resident ID: region (6) + birth date (8) + sequence (3, odd for men, even for women) + check.
 * `taken` makes it unique within the school.
 */
export function randomIdNumber(rng: Rng, birthDate: string, gender: 'male' | 'female', taken: Set<string>): string {
  const region = rng.weighted(REGION_CODES);
  const birth = birthDate.replaceAll('-', '');
  let seq = rng.int(0, 499) * 2 + (gender === 'male' ? 1 : 0);
  for (let tries = 0; tries < 500; tries++) {
    const first17 = `${region}${birth}${pad(seq, 3)}`;
    const id = first17 + idCheckDigit(first17);
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
    seq = (seq + 2) % 1000;
  }
  throw new Error(`no free ID sequence for ${region}${birth}`);
}

const PHONE_PREFIXES = words(
  '130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 157 158 159 177 180 181 182 183 186 187 188 189 199',
);

/** An 11-digit mainland mobile number, unique within `taken`. */
export function randomPhone(rng: Rng, taken: Set<string>): string {
  for (;;) {
    const phone = rng.pick(PHONE_PREFIXES) + pad(rng.int(0, 99_999_999), 8);
    if (!taken.has(phone)) {
      taken.add(phone);
      return phone;
    }
  }
}

const CN_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (1–99). */
export function cnNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n] as string;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${CN_DIGITS[n % 10]}`;
}
