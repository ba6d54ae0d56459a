import { useCallback } from 'react';
import { format, useLocale } from '../i18n';

/**
 * For pages whose strings are their own and few people translate: each text written once with its English
 * side by side, `L('我的日程', 'My calendar')`, `L('共 {n} 条', '{n} rows', { n })`. Chinese stays first; the
 * English half is what the English locale shows (no page shows Chinese UI text in English mode).
 */
export function useBilingual() {
  const { locale } = useLocale();
  return useCallback(
    (zh: string, en: string, vars?: Record<string, string | number>) => format(locale === 'en' ? en : zh, vars),
    [locale],
  );
}
