import {
  AVAILABILITY_LABELS,
  formatMinutes,
  HOUR_CATEGORY_LABELS,
  LEDGER_SOURCE_LABELS,
  TEAM_KIND_LABELS,
  VENUE_TYPE_LABELS,
} from '@pioneer/domain';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { type Locale, useLocale } from '../../i18n';

/** Chinese labels of statuses the pages show (the domain holds the categories and types). */
export const STATUS_TAG: Record<string, { text: string; color: string }> = {
  published: { text: '报名中', color: 'green' },
  closed: { text: '已结项', color: 'default' },
  cancelled: { text: '已取消', color: 'red' },
  confirmed: { text: '已报名', color: 'blue' },
  waiting: { text: '候补中', color: 'orange' },
  expired: { text: '候补未递补', color: 'default' },
  present: { text: '出勤', color: 'green' },
  no_show: { text: '缺勤', color: 'red' },
  pending: { text: '待审核', color: 'orange' },
  approved: { text: '已通过', color: 'green' },
  rejected: { text: '未通过', color: 'red' },
};
export const BASIS_LABELS: Record<string, string> = {
  attendance: '签到结算',
  manual: '手工录入',
  confirmation: '确认（社区或需求完成）',
  correction: '更正',
};

// The Chinese labels above and in @pioneer/domain are the source; these are their English twins.
const EN = {
  status: {
    published: 'Open for sign-up',
    closed: 'Closed out',
    cancelled: 'Cancelled',
    confirmed: 'Signed up',
    waiting: 'On the waitlist',
    expired: 'Waitlist lapsed',
    present: 'Present',
    no_show: 'No-show',
    pending: 'Pending review',
    approved: 'Approved',
    rejected: 'Rejected',
  } as Record<string, string>,
  basis: {
    attendance: 'Settled from check-in',
    manual: 'Entered by hand',
    confirmation: 'Confirmed (community or completed demand)',
    correction: 'Correction',
  } as Record<string, string>,
  category: {
    community: 'Community service',
    elderly: 'Elderly care',
    education: 'Volunteer teaching',
    technology: 'Technology aid',
    culture: 'Cultural service',
    environment: 'Environmental protection',
    campus: 'Campus service',
    consulting: 'Advice service',
    health: 'Health care',
    other: 'Other service',
    meeting: 'Meeting',
    training: 'Training',
  } as Record<string, string>,
  availability: {
    weekday_day: 'Weekday daytime',
    weekday_evening: 'Weekday evenings',
    weekend: 'Weekends',
    holiday: 'Public holidays',
    flexible: 'Flexible',
  } as Record<string, string>,
  ledgerSource: {
    activity: 'Volunteer activity',
    service_need: 'Service demand',
    venue_duty: 'Venue duty',
    dual_report: 'Dual reporting',
  } as Record<string, string>,
  teamKind: {
    // Short on purpose: the tag sits next to the team's name on a phone-width card.
    demo_team: 'Campus demo team',
    vanguard: 'Local vanguard',
    volunteer_team: 'Volunteer team',
  } as Record<string, string>,
  /** The team kinds as the filter shows them (in Chinese: the label without its 校内 / 服务地方 / 师生 prefix). */
  teamKindShort: {
    demo_team: 'Demo',
    vanguard: 'Vanguard',
    volunteer_team: 'Volunteer',
  } as Record<string, string>,
  venueType: {
    service_window: 'Party-member service window',
    model_post: 'Party-member model post',
    service_center: 'Party-member service center',
    responsibility_area: 'Party-member responsibility area',
    workstation: 'Party-member service workstation',
    model_window: 'Party-member model window',
    offcampus_base: 'Off-campus service base',
    practice_base: 'Party education and practice base',
    studio: 'Party-member studio',
    model_point: 'Party-member model service point',
    convenience_center: 'Party-member community service center',
  } as Record<string, string>,
};

/** 90 → "1 h 30 min" (the Chinese form, "1小时30分钟", comes from the domain's formatMinutes). */
export function formatMinutesEn(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const m = Math.abs(minutes);
  const h = Math.floor(m / 60);
  const rest = m % 60;
  const parts = [...(h > 0 ? [`${h} h`] : []), ...(rest > 0 || h === 0 ? [`${rest} min`] : [])];
  return `${sign}${parts.join(' ')}`;
}

/** As vol-api's `when`. */
const stamp = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** The volunteering vocabulary in one locale: codes the API sends → labels, plus hours and time ranges. */
export function volLabels(locale: Locale) {
  const en = locale === 'en';
  const pick = (zh: Record<string, string>, english: Record<string, string>, key: string) =>
    (en ? english[key] : undefined) ?? zh[key] ?? key;
  const zhStatus = (s: string) => STATUS_TAG[s]?.text;
  return {
    /** Status of an activity, sign-up, attendance or review: its text (undefined when unknown) and colour. */
    statusText: (s: string): string | undefined => (en ? (EN.status[s] ?? zhStatus(s)) : zhStatus(s)),
    statusColor: (s: string): string | undefined => STATUS_TAG[s]?.color,
    basis: (b: string) => pick(BASIS_LABELS, EN.basis, b),
    category: (c: string) => pick(HOUR_CATEGORY_LABELS, EN.category, c),
    availability: (a: string) => pick(AVAILABILITY_LABELS, EN.availability, a),
    ledgerSource: (s: string) => pick(LEDGER_SOURCE_LABELS, EN.ledgerSource, s),
    teamKind: (k: string) => pick(TEAM_KIND_LABELS, EN.teamKind, k),
    teamKindShort: (k: string) =>
      en
        ? (EN.teamKindShort[k] ?? k)
        : ((TEAM_KIND_LABELS as Record<string, string>)[k]?.replace(/^(校内|服务地方|师生)/, '') ?? k),
    venueType: (v: string) => pick(VENUE_TYPE_LABELS, EN.venueType, v),
    hours: (minutes: number) => (en ? formatMinutesEn(minutes) : formatMinutes(minutes)),
    timeRange: (a: string, b: string) =>
      dayjs(a).isSame(b, 'day')
        ? `${dayjs(a).format('YYYY-MM-DD HH:mm')}–${dayjs(b).format('HH:mm')}`
        : `${stamp(a)} ${en ? 'to' : '至'} ${stamp(b)}`,
  };
}
export type VolLabels = ReturnType<typeof volLabels>;

/** volLabels in the current locale. */
export function useVolLabels(): VolLabels {
  const { locale } = useLocale();
  return useMemo(() => volLabels(locale), [locale]);
}
