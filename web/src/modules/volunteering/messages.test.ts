import {
  AVAILABILITY,
  formatMinutes,
  HOUR_CATEGORIES,
  LEDGER_SOURCES,
  TEAM_KIND_LABELS,
  TEAM_KINDS,
  VENUE_TYPE_LABELS,
  VENUE_TYPES,
} from '@pioneer/domain';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { LocaleContext, loadEnglish, type Messages, preloadShellEnglish, useLabel } from '../../i18n';
import { routes } from './index';
import { BASIS_LABELS, formatMinutesEn, STATUS_TAG, volLabels } from './labels';
import { volMessages } from './messages';
import { volAdminMessages } from './messages-admin';

const HAN = /[\u4e00-\u9fff]/;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each([
  ['volMessages', volMessages],
  ['volAdminMessages', volAdminMessages],
] as [string, Messages<string>][])('%s', (_name, messages) => {
  // The English half is its own file, loaded when English is chosen (i18n.ts).
  let en: Record<string, string> = {};
  beforeAll(async () => {
    en = await loadEnglish(messages);
  });
  it('has every Chinese key in English and no other', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(messages.zh).sort());
  });
  it('fills the same placeholders in both languages', () => {
    for (const key of Object.keys(messages.zh)) {
      expect([key, placeholders(en[key])]).toEqual([key, placeholders(messages.zh[key])]);
    }
  });
  it('has no empty or Chinese English string', () => {
    for (const [key, text] of Object.entries(en)) {
      expect([key, text.trim() !== '' && !HAN.test(text)]).toEqual([key, true]);
    }
  });
});

describe('volLabels', () => {
  const zh = volLabels('zh');
  const en = volLabels('en');
  const vocabularies: [string, readonly string[], (code: string) => string | undefined][] = [
    ['status', Object.keys(STATUS_TAG), en.statusText],
    ['basis', Object.keys(BASIS_LABELS), en.basis],
    ['category', HOUR_CATEGORIES, en.category],
    ['availability', AVAILABILITY, en.availability],
    ['ledgerSource', LEDGER_SOURCES, en.ledgerSource],
    ['teamKind', TEAM_KINDS, en.teamKind],
    ['teamKindShort', TEAM_KINDS, en.teamKindShort],
    ['venueType', VENUE_TYPES, en.venueType],
  ];
  it.each(vocabularies)('has English for every %s', (_name, codes, label) => {
    for (const code of codes) expect([code, HAN.test(label(code) ?? '好')]).toEqual([code, false]);
  });
  it('keeps the Chinese labels as they were', () => {
    expect(zh.statusText('published')).toBe('报名中');
    expect(zh.statusText('unknown')).toBeUndefined();
    expect(zh.basis('attendance')).toBe('签到结算');
    expect(zh.venueType('studio')).toBe(VENUE_TYPE_LABELS.studio);
    expect(TEAM_KINDS.map(zh.teamKindShort)).toEqual(['党员服务示范团队', '党员先锋队', '党员志愿服务队']);
    expect(zh.teamKind('vanguard')).toBe(TEAM_KIND_LABELS.vanguard);
    expect(zh.hours(90)).toBe(formatMinutes(90));
  });
  it('writes hours and time ranges in the locale', () => {
    expect([0, 45, 60, 90, -30].map(formatMinutesEn)).toEqual(['0 min', '45 min', '1 h', '1 h 30 min', '-30 min']);
    expect(en.timeRange('2026-03-01T09:00:00+08:00', '2026-03-02T11:00:00+08:00')).toMatch(/ to /);
    expect(zh.timeRange('2026-03-01T09:00:00+08:00', '2026-03-02T11:00:00+08:00')).toMatch(/ 至 /);
  });
});

/** Renders the module's menu and group labels as the side menu would, one a line. */
function MenuLabels() {
  const label = useLabel();
  return routes.flatMap((r) => (r.menu ? [label(r.menu.label), label(r.menu.group)] : [])).join('\n');
}

it('has English for the menu labels of the module', async () => {
  await preloadShellEnglish();
  const html = renderToString(
    createElement(LocaleContext.Provider, { value: { locale: 'en', setLocale: () => {} } }, createElement(MenuLabels)),
  );
  expect(html).toContain('Activities');
  expect(html.split('\n').filter((l) => HAN.test(l))).toEqual([]);
});
