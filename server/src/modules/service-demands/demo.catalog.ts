import type { DemandAudience, DemandChannel, DemandState } from '@pioneer/domain';
import type { DemandTable } from './service-demands.tables';

/** The demo school's need categories and typical needs of each (fictional, plausible for a Nanjing campus). */
export interface DemoCategory {
  code: string;
  name: string;
  group: string;
  skills: string[];
  /** Time limits in hours: triage, claim, complete. */
  hours: [number, number, number];
  audiences: DemandAudience[];
  needs: [title: string, description: string][];
}

export const DEMO_CATEGORIES: DemoCategory[] = [
  {
    code: 'tutoring',
    name: '学业辅导',
    group: '学业发展',
    skills: ['支教辅导'],
    hours: [24, 48, 168],
    audiences: ['student'],
    needs: [
      ['高等数学期末复习辅导', '临近期末，高等数学多个章节没有掌握，希望有党员同学每周辅导两次。'],
      ['古代汉语学习困难求助', '古代汉语课程跟不上，希望有学长学姐帮忙梳理重点。'],
      ['英语四级备考辅导', '第二次参加四级考试，听力和写作薄弱，希望得到辅导。'],
    ],
  },
  {
    code: 'counseling',
    name: '心理疏导',
    group: '身心健康',
    skills: ['心理咨询'],
    hours: [12, 24, 120],
    audiences: ['student', 'staff'],
    needs: [
      ['考研压力大，希望心理疏导', '备考期间焦虑失眠，希望有人能聊一聊，给些调整建议。'],
      ['新生适应困难，需要谈心', '入学后不太适应集体生活，希望有党员同学帮助融入。'],
    ],
  },
  {
    code: 'legal-aid',
    name: '法律咨询',
    group: '权益保障',
    skills: ['法律咨询'],
    hours: [24, 72, 168],
    audiences: ['staff', 'student', 'society'],
    needs: [
      ['租房合同纠纷咨询', '房东拒绝退还押金，想了解如何依法维护自己的权益。'],
      ['劳动合同权益咨询', '家属在企业务工被拖欠工资，希望得到法律咨询。'],
    ],
  },
  {
    code: 'it-repair',
    name: '电脑与网络维护',
    group: '生活服务',
    skills: ['计算机维护'],
    hours: [8, 24, 72],
    audiences: ['staff', 'student'],
    needs: [
      ['办公室电脑无法联网', '教研室两台电脑无法连接校园网，影响日常办公。'],
      ['实验室打印机故障', '实验室打印机卡纸报错，需要帮忙检修。'],
    ],
  },
  {
    code: 'appliance-repair',
    name: '家电维修',
    group: '生活服务',
    skills: ['家电维修'],
    hours: [24, 72, 168],
    audiences: ['staff', 'society'],
    needs: [
      ['社区独居老人家中电视机维修', '独居老人家中电视机无法开机，行动不便，希望上门维修。'],
      ['退休教职工家中电路检修', '家中插座经常跳闸，希望有懂电工的党员帮忙检查。'],
    ],
  },
  {
    code: 'elder-phone',
    name: '老年人智能手机教学',
    group: '尊老助老',
    skills: ['老年人智能手机教学'],
    hours: [48, 120, 336],
    audiences: ['society'],
    needs: [
      ['教社区老人用手机预约挂号', '社区有二十多位老人不会用手机预约挂号，希望组织一次教学。'],
      ['帮助老人学会微信视频', '老人子女在外地，希望学会用微信和家人视频通话。'],
    ],
  },
  {
    code: 'community-tutoring',
    name: '社区支教',
    group: '教育帮扶',
    skills: ['支教辅导', '普通话培训'],
    hours: [48, 120, 720],
    audiences: ['society'],
    needs: [
      ['留守儿童周末课业辅导', '村里十余名留守儿童周末无人辅导作业，希望大学生党员支教。'],
      ['村小普通话朗读辅导', '村小学希望有志愿者每周辅导学生普通话朗读。'],
    ],
  },
  {
    code: 'policy-talk',
    name: '政策宣讲',
    group: '宣传教育',
    skills: ['政策宣讲'],
    hours: [48, 120, 336],
    audiences: ['society'],
    needs: [
      ['社区党员冬训政策宣讲', '社区党委希望学校派党员教师为社区党员作一次政策宣讲。'],
      ['医保新政策解读', '居民对城乡居民医保新政策不了解，希望有人来解读。'],
    ],
  },
  {
    code: 'performance',
    name: '文艺演出',
    group: '文化服务',
    skills: ['文艺演出'],
    hours: [72, 168, 720],
    audiences: ['society'],
    needs: [
      ['社区重阳节文艺演出', '社区计划举办重阳节敬老活动，希望学校提供两三个节目。'],
      ['敬老院新春慰问演出', '敬老院希望春节前有一场慰问演出。'],
    ],
  },
  {
    code: 'health',
    name: '健康义诊与急救培训',
    group: '身心健康',
    skills: ['医疗救护'],
    hours: [48, 120, 336],
    audiences: ['society', 'staff'],
    needs: [
      ['社区老年人健康义诊', '社区希望组织一次血压血糖测量和健康咨询。'],
      ['心肺复苏急救培训', '希望为社区网格员开展一次心肺复苏和AED使用培训。'],
    ],
  },
  {
    code: 'science',
    name: '科普讲解',
    group: '科技帮扶',
    skills: ['科普讲解'],
    hours: [48, 120, 336],
    audiences: ['society'],
    needs: [
      ['小学科普进课堂', '附近小学希望大学生走进课堂讲解趣味物理实验。'],
      ['青少年科技周科普讲解', '社区青少年活动中心科技周需要科普讲解志愿者。'],
    ],
  },
  {
    code: 'family-edu',
    name: '家庭教育指导',
    group: '教育帮扶',
    skills: ['家庭教育指导', '心理咨询'],
    hours: [48, 120, 336],
    audiences: ['society', 'staff'],
    needs: [
      ['青春期孩子沟通辅导', '孩子上初中后很少与家长交流，希望得到家庭教育指导。'],
      ['家长家庭教育讲座', '社区家长学校希望举办一次家庭教育讲座。'],
    ],
  },
  {
    code: 'safety-publicity',
    name: '垃圾分类与消防宣传',
    group: '宣传教育',
    skills: ['垃圾分类宣传', '消防安全宣传'],
    hours: [48, 120, 336],
    audiences: ['society'],
    needs: [
      ['小区垃圾分类宣传', '小区新设分类投放点，希望志愿者入户宣传并现场引导。'],
      ['冬季消防安全宣传', '老旧小区冬季用电用火多，希望开展消防安全宣传。'],
    ],
  },
  {
    code: 'translation',
    name: '外语翻译',
    group: '生活服务',
    skills: ['外语翻译'],
    hours: [24, 72, 168],
    audiences: ['staff', 'student', 'society'],
    needs: [
      ['外籍教师生活事务翻译协助', '新到校的外籍教师办理生活事务需要翻译陪同。'],
      ['社区外籍居民沟通协助', '社区有外籍居民咨询办事流程，需要英语翻译协助。'],
    ],
  },
];

export const POOR_COMMENTS = ['等了很久才有人来，问题也没解决', '服务人员没有按约定时间到'];
export const GOOD_COMMENTS = [
  '非常感谢，服务很耐心',
  '解决了大问题，谢谢党员同志',
  '很专业，下次还找你们',
  '',
  '态度很好',
];

/** Needs pinned to the named demo accounts, so each of them finds something of their own on first sign-in. */
export interface Fixed {
  target: DemandState;
  audience: DemandAudience;
  channel: DemandChannel;
  category: string;
  requester?: string;
  branch?: string;
  assign?: string[];
}
export const FIXED: Fixed[] = [
  {
    target: 'completed',
    audience: 'student',
    channel: 'self',
    category: 'tutoring',
    requester: 'qunzhong',
    branch: 'JNSD-WX-BK1',
    assign: ['dangyuan'],
  },
  { target: 'submitted', audience: 'student', channel: 'self', category: 'counseling', requester: 'qunzhong' },
  {
    target: 'rated',
    audience: 'staff',
    channel: 'self',
    category: 'it-repair',
    requester: 'jiaogong',
    branch: 'JNSD-WX-BK1',
    assign: ['dangyuan'],
  },
  {
    target: 'in_progress',
    audience: 'student',
    channel: 'officer',
    category: 'tutoring',
    branch: 'JNSD-WX-BK1',
    assign: ['dangyuan'],
  },
  { target: 'published', audience: 'society', channel: 'public', category: 'elder-phone' },
  { target: 'published', audience: 'society', channel: 'open311', category: 'community-tutoring' },
  { target: 'submitted', audience: 'society', channel: 'public', category: 'performance' },
];
export const COMBOS: [DemandAudience, DemandChannel][] = [
  ['staff', 'self'],
  ['staff', 'officer'],
  ['student', 'self'],
  ['student', 'officer'],
  ['society', 'public'],
  ['society', 'open311'],
  ['society', 'officer'],
  ['society', 'contact_visit'],
];
export const STAMP: Partial<Record<DemandState, keyof DemandTable>> = {
  triaged: 'triaged_at',
  published: 'published_at',
  claimed: 'claimed_at',
  in_progress: 'started_at',
  completed: 'completed_at',
  rated: 'rated_at',
  reopened: 'rated_at',
  closed: 'closed_at',
  merged: 'closed_at',
  rejected: 'closed_at',
  withdrawn: 'closed_at',
  expired: 'closed_at',
};
export const CODE = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const OFFICE: Record<DemandAudience, string> = { staff: 'gonghui', student: 'xuegong', society: 'xiaodi' };
