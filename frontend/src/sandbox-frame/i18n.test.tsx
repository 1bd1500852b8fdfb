import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { translationHook, Translations } from './i18n';

const resources = {
  en: { sidebar: { images: 'Images' }, found_one: '{{count}} image', found_other: '{{count}} images', hello: 'Hello {{name}}', only: { en: 'English only' } },
  de: { sidebar: { images: 'Abbilder' }, found_one: '{{count}} Abbild', found_other: '{{count}} Abbilder', hello: 'Hallo {{ name }}' },
  ja: { sidebar: { images: 'イメージ' }, found_other: 'イメージ {{count}} 件' },
};

describe('frame translations', () => {
  it('looks up nested keys in the UI language, then English, then the key', () => {
    const tr = new Translations('de');
    tr.add(resources);
    expect(tr.t('sidebar.images')).toBe('Abbilder');
    expect(tr.t('only.en')).toBe('English only');
    expect(tr.t('Plain label')).toBe('Plain label');
    expect(tr.t('missing.key', { defaultValue: 'Fallback' })).toBe('Fallback');
    tr.setLanguage('de-AT');
    expect(tr.t('sidebar.images')).toBe('Abbilder');
  });

  it('interpolates {{name}} and leaves unknown placeholders', () => {
    const tr = new Translations('de');
    tr.add(resources);
    expect(tr.t('hello', { name: 'Ana' })).toBe('Hallo Ana');
    expect(tr.t('hello')).toBe('Hallo {{ name }}');
  });

  it.each([
    ['en', 1, '1 image'],
    ['en', 2, '2 images'],
    ['en', 0, '0 images'],
    ['de', 1, '1 Abbild'],
    ['de', 5, '5 Abbilder'],
    ['ja', 1, 'イメージ 1 件'],
    ['ja', 3, 'イメージ 3 件'],
  ])('plurals by the language (%s, %d)', (lang, count, want) => {
    const tr = new Translations(lang);
    tr.add(resources);
    expect(tr.t('found', { count })).toBe(want);
  });

  it('uses key_zero for 0 when there is one; English plural rules when falling back', () => {
    const tr = new Translations('ja');
    tr.add({ en: { n_zero: 'none', n_one: 'one thing', n_other: '{{count}} things' } });
    expect(tr.t('n', { count: 0 })).toBe('none');
    expect(tr.t('n', { count: 1 })).toBe('one thing');
    expect(tr.t('n', { count: 4 })).toBe('4 things');
  });

  it('merges later registrations and keeps only strings and trees for the host', () => {
    const tr = new Translations('en');
    tr.add({ en: { a: { x: 'X' } } });
    tr.add({ en: { a: { y: 'Y' }, f: (() => 'no') as unknown as string, n: 3 as unknown as string } });
    expect(tr.all()).toEqual({ en: { a: { x: 'X', y: 'Y' } } });
  });

  it.each([
    [null, /needs \{ <language>/],
    [{ english: {} }, /"english" is not a language tag/],
    [{ en: 'Hello' }, /the en translations must be an object/],
  ])('refuses a malformed argument %j', (arg, message) => {
    const tr = new Translations('en');
    expect(() => tr.add(arg as never)).toThrow(message);
  });

  it('useTranslation re-renders when the language changes', () => {
    const tr = new Translations('en');
    tr.add(resources);
    const useTranslation = translationHook(tr);
    function Label() {
      const { t, language } = useTranslation();
      return <p>{`${language}: ${t('sidebar.images')}`}</p>;
    }
    render(<Label />);
    expect(screen.getByText('en: Images')).toBeTruthy();
    act(() => tr.setLanguage('ja'));
    expect(screen.getByText('ja: イメージ')).toBeTruthy();
  });
});
