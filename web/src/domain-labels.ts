import {
  GRANT_STATUS_LABELS_EN,
  type GrantStatus,
  PERMISSIONS_EN,
  type Permission,
  ROLE_LABELS_EN,
  type RoleName,
} from '@pioneer/domain';
import { useMemo } from 'react';
import { useLocale } from './i18n';

/**
 * The shared domain's labels in the chosen language. The server sends Chinese labels next to the codes
 * (`roleLabel` beside `role`); in English the page looks the code up in the domain's English twin
 * (domain/src/roles.ts, access.ts) and keeps the Chinese only for a code it does not know.
 */
export function useDomainLabels() {
  const { locale } = useLocale();
  return useMemo(() => {
    const pick =
      <K extends string>(en: Record<K, string>) =>
      (code: string, zh: string) =>
        locale === 'en' ? ((en as Record<string, string>)[code] ?? zh) : zh;
    return {
      role: pick<RoleName>(ROLE_LABELS_EN),
      permission: pick<Permission>(PERMISSIONS_EN),
      grantStatus: pick<GrantStatus>(GRANT_STATUS_LABELS_EN),
    };
  }, [locale]);
}
