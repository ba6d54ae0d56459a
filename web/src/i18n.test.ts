/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { type Dictionary, loadEnglish, type Messages } from './i18n';

/**
 * Every dictionary of the web app (each module's messages*.ts, the shell's i18n.ts): its English half — a
 * file of its own, fetched when English is chosen — has every Chinese key and no other, the same
 * placeholders, and no Chinese.
 */
const HAN = /\p{Script=Han}/u;
/** In English the language switch offers 中文 — the one Chinese an English dictionary holds. */
const CHINESE_ON_PURPOSE = new Set(['switchLanguage']);
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const isMessages = (v: unknown): v is Messages<string> =>
  !!v && typeof v === 'object' && 'zh' in v && 'en' in v && typeof (v as { zh: unknown }).zh === 'object';

const files = import.meta.glob(['./i18n.ts', './modules/**/*messages*.ts', '!./**/*.test.ts', '!./**/*.en.ts'], {
  eager: true,
});
const dictionaries = Object.entries(files).flatMap(([file, mod]) =>
  Object.entries(mod as Record<string, unknown>)
    .filter(([, v]) => isMessages(v))
    .map(([name, v]) => [`${file} ${name}`, v as Messages<string>] as const),
);

it('finds the dictionaries', () => {
  expect(dictionaries.map(([name]) => name)).toContain('./i18n.ts shellMessages');
  expect(dictionaries.length).toBeGreaterThan(5);
});

describe.each(dictionaries)('%s', (_name, messages) => {
  it('loads its English separately, with every Chinese key, the same placeholders and no Chinese', async () => {
    expect(typeof messages.en).toBe('function');
    const en: Dictionary<string> = await loadEnglish(messages);
    expect(Object.keys(en).sort()).toEqual(Object.keys(messages.zh).sort());
    const wrong = Object.keys(messages.zh).filter(
      (key) =>
        placeholders(en[key]).join() !== placeholders(messages.zh[key]).join() ||
        !en[key].trim() ||
        (HAN.test(en[key]) && !CHINESE_ON_PURPOSE.has(key)),
    );
    expect(wrong).toEqual([]);
  });
});

it('has English for every menu entry and group', async () => {
  const [{ ALL_ROUTES }, { LABELS_EN }] = await Promise.all([import('./shell/routes'), import('./i18n.en')]);
  const labels = ALL_ROUTES.flatMap((r) => (r.menu ? [r.menu.label, r.menu.group] : [])).filter(Boolean);
  expect(labels.filter((l) => !LABELS_EN[l])).toEqual([]);
});
