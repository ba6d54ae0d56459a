/**
 * Helpers and catalog for the demo-school generator: a seeded PRNG, Chinese names, fictional resident ID
 * numbers, phone numbers, calendar arithmetic, and the names of the fictional school's colleges, offices and
 * partners. Pure: no I/O, no clock, no Math.random.
 */

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
// Data is kept as text (split by `words`) so the lists stay compact.

/** Splits a whitespace-separated list. */
export function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w.length > 0);
}

/** Splits a table into its non-empty lines. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

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

// ---------------------------------------------------------------- catalog of the fictional school

export type Campus = '仙林校区' | '随园校区' | '紫金校区';
export const CAMPUSES: Campus[] = ['仙林校区', '随园校区', '紫金校区'];
export type PartnerKind = 'community' | 'village' | 'enterprise' | 'government';

export interface College {
  abbr: string;
  name: string;
  campus: Campus;
  /** Big colleges get more branches. */
  big: boolean;
  /** Share of women among students. */
  female: number;
  majors: string[];
  gradMajors: string[];
  /** Teaching and research teams (教研室), also the staff's specialties. */
  teams: string[];
  club: string;
  /** Skills this college's people are more likely to have. */
  skills: string[];
}

/** abbr | name | campus | big | female share | majors | graduate majors | teams | club | favoured skills */
const COLLEGE_TABLE = `
WX|文学院|随园校区|big|0.75|汉语言文学 秘书学 汉语国际教育|中国古代文学 语言学及应用语言学|古代文学教研室 现当代文学教研室 语言学教研室 文艺学教研室|晨钟文学社|普通话培训 书法 文艺演出
SX|数学与统计学院|仙林校区|big|0.5|数学与应用数学 统计学 信息与计算科学|基础数学 应用统计|代数教研室 分析教研室 概率统计教研室 计算数学教研室|数学建模协会|支教辅导 计算机维护
WL|物理与电子工程学院|仙林校区|big|0.45|物理学 电子信息工程 光电信息科学与工程|理论物理 电子科学与技术|理论物理教研室 电子技术教研室 光学教研室 物理实验中心|电子设计协会|家电维修 科普讲解
HX|化学与材料科学学院|仙林校区|big|0.5|化学 应用化学 材料化学|有机化学 材料科学与工程|无机化学教研室 有机化学教研室 分析化学教研室 材料化学研究所|化学科普协会|科普讲解 医疗救护
SM|生命科学学院|仙林校区|-|0.6|生物科学 生物技术 生态学|生物学 生态学研究|植物学教研室 动物学教研室 遗传学实验室 生态学研究所|绿色环保协会|医疗救护 科普讲解
JK|教育科学学院|随园校区|big|0.75|教育学 学前教育 心理学|教育学原理 发展与教育心理学|教育学原理教研室 学前教育教研室 心理学教研室 教育技术教研室|心理健康协会|心理咨询 支教辅导
WY|外国语学院|随园校区|big|0.8|英语 日语 翻译|英语语言文学 翻译硕士|英语语言文学教研室 日语教研室 翻译教研室 大学英语教研室|英语演讲协会|外语翻译 支教辅导
MY|马克思主义学院|仙林校区|-|0.65|思想政治教育|马克思主义基本原理 思想政治教育研究|马克思主义基本原理教研室 思想道德与法治教研室 中国近现代史纲要教研室 形势与政策教研室|青年马克思主义者协会|政策宣讲 法律咨询
YY|音乐学院|随园校区|-|0.65|音乐学 音乐表演 舞蹈学|音乐与舞蹈学 学科教学（音乐）|声乐教研室 器乐教研室 舞蹈教研室 音乐理论教研室|大学生合唱团|文艺演出 普通话培训
MS|美术学院|随园校区|-|0.65|美术学 视觉传达设计 环境设计|美术史论 设计学|中国画教研室 油画教研室 设计基础教研室 美术史论教研室|书画协会|书法 摄影
TY|体育学院|紫金校区|-|0.35|体育教育 运动训练 社会体育指导与管理|体育教育训练学 运动人体科学|田径教研室 球类教研室 体育人文社会学教研室 运动康复教研室|篮球协会|体育指导 医疗救护
JS|计算机与信息工程学院|紫金校区|big|0.4|计算机科学与技术 软件工程 数据科学与大数据技术|计算机应用技术 软件工程硕士|软件工程教研室 人工智能研究所 网络与信息安全教研室 计算机基础教研室|ACM程序设计协会|计算机维护 老年人智能手机教学`;

export const COLLEGES: College[] = lines(COLLEGE_TABLE).map((line) => {
  const [abbr, name, campus, big, female, majors, gradMajors, teams, club, skills] = line.split('|') as string[];
  return {
    abbr: abbr as string,
    name: name as string,
    campus: campus as Campus,
    big: big === 'big',
    female: Number(female),
    majors: (majors as string).split(' '),
    gradMajors: (gradMajors as string).split(' '),
    teams: (teams as string).split(' '),
    club: club as string,
    skills: (skills as string).split(' '),
  };
});

/** Roughly one general branch in four builds a joint branch with a partner (校地支部联建). */
export const JOINT_COLLEGES = new Set(['WX', 'SM', 'YY']);

export interface DirectDef {
  abbr: string;
  name: string;
  /** null: spread over all campuses. */
  campus: Campus | null;
  /** Relative staff size. */
  weight: number;
  teams: string[];
  fields: string[];
}
export const DIRECTS: DirectDef[] = [
  {
    abbr: 'TSG',
    name: '图书馆',
    campus: null,
    weight: 0.8,
    teams: words('图书馆读者服务部 图书馆古籍部'),
    fields: words('图书情报 古籍整理 信息检索'),
  },
  {
    abbr: 'HQ',
    name: '后勤保障处',
    campus: null,
    weight: 1,
    teams: words('后勤保障处物业服务中心 后勤保障处饮食服务中心'),
    fields: words('物业管理 膳食管理 水电维修'),
  },
  {
    abbr: 'FX',
    name: '附属实验学校',
    campus: '随园校区',
    weight: 1.4,
    teams: words('附属实验学校小学部 附属实验学校初中部'),
    fields: words('中小学语文教学 中小学数学教学 班主任工作'),
  },
];

/** Administrative offices under 机关党总支: the staff's departments and the 机关's grid teams. */
export const OFFICES =
  words(`党委办公室 党委组织部 党委宣传部 学生工作处 校工会 校地合作处 人事处 科技与学科建设处 党建研究中心 党校
  教务处 财务处 信息化建设管理处 校长办公室 研究生院 国际合作与交流处`);
export const OFFICE_FIELDS = words('党务工作 行政管理 人事管理 财务管理 教学管理 思想政治教育');
export const SKILLS =
  words(`心理咨询 法律咨询 家电维修 计算机维护 支教辅导 普通话培训 书法 摄影 医疗救护 外语翻译 文艺演出 体育指导
  科普讲解 政策宣讲 老年人智能手机教学 手语 视频剪辑 文案写作 家庭教育指导 垃圾分类宣传 消防安全宣传 理财规划`);
/** Students' specialties (专业特长). */
export const TALENTS = words(
  '钢琴 声乐 主持 演讲 编程 篮球 羽毛球 书法 绘画 写作 摄影 舞蹈 数据分析 英语口语 短视频制作 活动策划',
);

/** kind | name | district | road (villages have none: their address is the village committee) */
const PARTNER_TABLE = `
community|仙林街道文苑社区|栖霞区|文苑路
community|仙林街道学海社区|栖霞区|学海路
community|尧化街道青枫社区|栖霞区|青枫路
community|马群街道花园社区|栖霞区|花园路
community|燕子矶街道燕华社区|栖霞区|燕华路
community|宁海路街道颐和社区|鼓楼区|颐和路
community|湖南路街道山西路社区|鼓楼区|山西路
community|华侨路街道随园社区|鼓楼区|随园路
community|孝陵卫街道紫金社区|玄武区|紫金路
community|玄武门街道环湖社区|玄武区|环湖路
community|东山街道百家湖社区|江宁区|百家湖路
community|秣陵街道翠屏社区|江宁区|翠屏路
community|淳化街道青龙社区|江宁区|青龙路
community|泰山街道桥北社区|浦口区|桥北路
village|青山镇柳溪村|江宁区|
village|青山镇桃源村|江宁区|
village|湖熟街道杨柳村|江宁区|
village|横溪街道石塘村|江宁区|
village|竹镇镇金磁村|六合区|
village|冶山街道东王村|六合区|
village|桠溪街道蓝溪村|高淳区|
village|石湫街道九里埂村|溧水区|
village|永宁街道青山村|浦口区|
village|星甸街道九华村|浦口区|
enterprise|江南智造科技有限公司|栖霞区|纬地路
enterprise|金陵数联信息技术有限公司|建邺区|江东中路
enterprise|紫金山环保科技有限公司|玄武区|徐庄路
enterprise|青禾农业发展有限公司|江宁区|禄口路
enterprise|仙林生物医药科技有限公司|栖霞区|元化路
enterprise|秦淮文化传媒有限公司|秦淮区|中华路
enterprise|长江电子仪器有限公司|浦口区|浦珠路
enterprise|钟山教育科技有限公司|玄武区|龙蟠路
government|栖霞区民政局|栖霞区|栖霞大道
government|鼓楼区教育局|鼓楼区|汉中门大街
government|江宁区文化和旅游局|江宁区|上元大街
government|仙林街道办事处|栖霞区|仙林大道
government|浦口区科学技术局|浦口区|文德路
government|玄武区司法局|玄武区|北京东路`;

export interface PartnerDef {
  kind: PartnerKind;
  name: string;
  district: string;
  road: string;
}
export const PARTNERS: PartnerDef[] = lines(PARTNER_TABLE).map((line) => {
  const [kind, name, district, road] = line.split('|') as string[];
  return { kind: kind as PartnerKind, name: name as string, district: district as string, road: road ?? '' };
});
