import { describe, expect, it } from 'vitest';
import { ar } from '../../src/app/i18n/ar';
import { en } from '../../src/app/i18n/en';
import { format, I18n, preferredLang } from '../../src/app/i18n.svelte';

describe('dictionaries', () => {
  it('have the same keys and the same placeholders in both languages', () => {
    expect(Object.keys(ar).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(holes(ar[key]), key).toEqual(holes(en[key]));
      expect(ar[key].trim().length, key).toBeGreaterThan(0);
    }
  });
});

describe('I18n', () => {
  it('format fills placeholders and leaves unknown ones visible', () => {
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
  it('formats numbers and dates for the language, in UTC', () => {
    expect(new I18n('en').t('entity.mentions', { n: 1200 })).toBe('1,200 mentions');
    expect(new I18n('ar').number(12)).toBe('١٢');
    expect(new I18n('en').date('2017-01-28')).toBe('28 January 2017');
    expect(new I18n('ar').date('2017-01-28')).toContain('يناير');
  });
  it('preferredLang picks the first Arabic or English locale', () => {
    expect(preferredLang(['fr-FR', 'ar-SY', 'en'])).toBe('ar');
    expect(preferredLang(['de'])).toBe('en');
  });
});
