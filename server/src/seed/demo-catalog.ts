/**
 * Catalog of the fictional school for the demo-school generator: its campuses, colleges, directly governed
 * units, offices, skills and partners. Data is kept as text tables (split by `words` and `lines`) so the
 * lists stay compact. Pure: no I/O, no clock, no Math.random.
 */

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
