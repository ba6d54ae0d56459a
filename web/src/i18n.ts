import { createContext, useCallback, useContext } from 'react';

/**
 * The UI speaks Simplified Chinese first; English is the second locale. Each page keeps its own small
 * dictionary made with `defineMessages` (the English half must have every key the Chinese half has), and reads
 * it with `useMessages`. The chosen locale is remembered in localStorage.
 */
export type Locale = 'zh' | 'en';
const STORAGE_KEY = 'pioneer.locale';

export function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}
export function storeLocale(locale: Locale) {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode may refuse storage; the choice then lasts for this page only.
  }
}

export const LocaleContext = createContext<{ locale: Locale; setLocale: (l: Locale) => void }>({
  locale: 'zh',
  setLocale: () => {},
});
export const useLocale = () => useContext(LocaleContext);

export type Messages<K extends string> = { zh: Record<K, string>; en: Record<K, string> };
export const defineMessages = <K extends string>(zh: Record<K, string>, en: Record<K, string>): Messages<K> => ({
  zh,
  en,
});

/** Fills `{name}` placeholders. */
export function format(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in vars ? String(vars[key]) : m));
}

export function useMessages<K extends string>(messages: Messages<K>) {
  const { locale } = useLocale();
  return useCallback(
    (key: K, vars?: Record<string, string | number>) => format(messages[locale][key] ?? messages.zh[key], vars),
    [messages, locale],
  );
}

/**
 * Menu and group labels come from each module in Chinese; in English the known ones are translated here and
 * the rest stay Chinese (better than a blank).
 */
const LABELS_EN: Record<string, string> = {
  首页: 'Home',
  组织与人员: 'Organization & people',
  服务需求: 'Service demands',
  志愿服务: 'Volunteering',
  系统: 'System',
  组织架构: 'Organization tree',
  共建单位: 'Partners',
  网格覆盖: 'Grid coverage',
  专职配备: 'Staffing ratio',
  人员名册: 'People',
  名册导入: 'Roster import',
  角色与权限: 'Roles & access',
  审计日志: 'Audit log',
  修改密码: 'Change password',
  组织关系转接: 'Transfers',
  我的档案: 'My profile',
  需求工作台: 'Demand desk',
  提交需求: 'File a demand',
  适合我的需求: 'Demands for me',
  需求公示栏: 'Public board',
  超时需求: 'Overdue demands',
  需求统计: 'Demand figures',
  需求类别: 'Demand categories',
  志愿活动: 'Activities',
  签到签退: 'Check in / out',
  我的时长: 'My hours',
  我的证明: 'My certificates',
  志愿者注册: 'Registration',
  双报到: 'Dual reporting',
  服务团队: 'Service teams',
  服务阵地: 'Service venues',
  出具证明: 'Issue certificates',
  时长台账: 'Hours ledger',
};
export function useLabel() {
  const { locale } = useLocale();
  return useCallback((label: string) => (locale === 'en' ? (LABELS_EN[label] ?? label) : label), [locale]);
}

/** Strings of the shell: header, menu, sign-in, home, errors. */
export const shellMessages = defineMessages(
  {
    brand: '先锋服务',
    menu: '菜单',
    currentUnit: '当前单位',
    notifications: '通知',
    noNotifications: '暂无通知',
    markAllRead: '全部标为已读',
    changePassword: '修改密码',
    signOut: '退出登录',
    signIn: '登录',
    username: '用户名',
    password: '密码',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    signInTitle: '登录先锋服务',
    signInHint: '服务型党组织一站式服务平台',
    loading: '加载中…',
    loadFailed: '加载失败',
    retry: '重试',
    notFound: '页面不存在',
    notFoundHint: '您访问的页面不存在或已移动。',
    backHome: '返回首页',
    switchLanguage: 'English',
    welcome: '您好，{name}',
    welcomeHint: '欢迎使用先锋服务。以下是您的角色和常用功能。',
    myRoles: '我的角色',
    noRoles: '您目前没有管理角色，可以使用面向个人的功能。',
    quickLinks: '常用功能',
    systemAdmin: '系统管理员',
    coverage: '网格覆盖率',
    coverageOf: '{unit}：{covered}/{total} 个网格单元已覆盖',
    unreadCount: '{n} 条未读通知',
  },
  {
    brand: 'Pioneer',
    menu: 'Menu',
    currentUnit: 'Current unit',
    notifications: 'Notifications',
    noNotifications: 'No notifications',
    markAllRead: 'Mark all read',
    changePassword: 'Change password',
    signOut: 'Sign out',
    signIn: 'Sign in',
    username: 'Username',
    password: 'Password',
    usernameRequired: 'Enter your username',
    passwordRequired: 'Enter your password',
    signInTitle: 'Sign in to Pioneer',
    signInHint: 'One-stop service platform for service-oriented Party organizations',
    loading: 'Loading…',
    loadFailed: 'Failed to load',
    retry: 'Retry',
    notFound: 'Page not found',
    notFoundHint: 'The page does not exist or has moved.',
    backHome: 'Back to home',
    switchLanguage: '中文',
    welcome: 'Hello, {name}',
    welcomeHint: 'Welcome to Pioneer. Your roles and frequent tasks are below.',
    myRoles: 'My roles',
    noRoles: 'You hold no management role; the personal features are open to you.',
    quickLinks: 'Quick links',
    systemAdmin: 'System administrator',
    coverage: 'Grid coverage',
    coverageOf: '{unit}: {covered}/{total} grid units covered',
    unreadCount: '{n} unread',
  },
);
