import { createContext, use, useCallback, useContext } from 'react';

/**
 * The UI speaks Simplified Chinese first; English is the second locale. Each page keeps its own small
 * dictionary made with `defineMessages` (the English half must have every key the Chinese half has), and reads
 * it with `useMessages`. The chosen locale is remembered in localStorage.
 *
 * A module's dictionary keeps its English half in a file of its own (messages.en.ts), imported dynamically:
 * the browser fetches English only when English is chosen, and `useMessages` suspends until it has arrived
 * (switching language is a transition, so the page stays as it was meanwhile). A small dictionary inside a
 * lazily loaded page may keep both halves inline.
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

export type Dictionary<K extends string> = Record<K, string>;
export interface Messages<K extends string> {
  zh: Dictionary<K>;
  /** The English half, inline or loaded on first use: `() => import('./messages.en').then((m) => m.fooEn)`. */
  en: Dictionary<K> | (() => Promise<Dictionary<K>>);
}
export const defineMessages = <K extends string>(zh: Dictionary<K>, en: Messages<K>['en']): Messages<K> => ({
  zh,
  en,
});

const loadedEnglish = new WeakMap<Messages<string>, Dictionary<string>>();
const loadingEnglish = new WeakMap<Messages<string>, Promise<Dictionary<string>>>();

/** The English half of `messages`, loaded once; if its file cannot be fetched, the page stays in Chinese. */
export function loadEnglish<K extends string>(messages: Messages<K>): Promise<Dictionary<K>> {
  const { en } = messages;
  if (typeof en !== 'function') return Promise.resolve(en);
  let loading = loadingEnglish.get(messages);
  if (!loading) {
    loading = en()
      .catch(() => messages.zh)
      .then((dictionary) => {
        loadedEnglish.set(messages, dictionary);
        return dictionary;
      });
    loadingEnglish.set(messages, loading);
  }
  return loading as Promise<Dictionary<K>>;
}

/** During render: the English half, suspending the component while it loads the first time. */
function english<K extends string>(messages: Messages<K>): Dictionary<K> {
  if (typeof messages.en !== 'function') return messages.en;
  return (loadedEnglish.get(messages) as Dictionary<K> | undefined) ?? use(loadEnglish(messages));
}

/** Fills `{name}` placeholders. */
export function format(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in vars ? String(vars[key]) : m));
}

export function useMessages<K extends string>(messages: Messages<K>) {
  const { locale } = useLocale();
  const dictionary = locale === 'en' ? english(messages) : messages.zh;
  return useCallback(
    (key: K, vars?: Record<string, string | number>) => format(dictionary[key] ?? messages.zh[key], vars),
    [messages, dictionary],
  );
}

/**
 * Menu and group labels come from each module in Chinese; in English the known ones are translated
 * (i18n.en.ts) and the rest stay Chinese (better than a blank).
 */
const menuLabels = defineMessages<string>({}, () => import('./i18n.en').then((m) => m.LABELS_EN));
export function useLabel() {
  const { locale } = useLocale();
  const en = locale === 'en' ? english(menuLabels) : undefined;
  return useCallback((label: string) => en?.[label] ?? label, [en]);
}

/** Strings of the shell: header, menu, sign-in, home, errors. */
const shellZh = {
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
  home: '首页',
  publicPages: '公开服务',
  withoutSignIn: '不用登录也可以：',
};
export type ShellMessageKey = keyof typeof shellZh;
export const shellMessages = defineMessages(shellZh, () => import('./i18n.en').then((m) => m.shellEn));

/** Fetches the shell's English now (at start when English was chosen last time, in tests). */
export const preloadShellEnglish = () => Promise.all([loadEnglish(shellMessages), loadEnglish(menuLabels)]);
