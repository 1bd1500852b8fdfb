import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatCount, formatDateTime } from '../lib/format';
import { applyLanguage, languageChoice, resolveChoice, setLanguageChoice } from './choice';
import { i18n } from './index';
import { matchLanguage } from './languages';

afterEach(async () => {
  await setLanguageChoice('system');
});

describe('language choice', () => {
  it('follows the OS languages in order, falling back to English', () => {
    expect(matchLanguage(['fr-FR', 'de-AT', 'en'])).toBe('de');
    expect(matchLanguage(['ja'])).toBe('ja');
    expect(matchLanguage(['fr', 'pt-BR'])).toBe('en');
    expect(matchLanguage([])).toBe('en');
  });

  it('"System" uses navigator.languages; an explicit choice is remembered and sets <html lang>', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['de-DE', 'en']);
    expect(languageChoice()).toBe('system');
    expect(resolveChoice('system')).toBe('de');
    await applyLanguage();
    expect(i18n.language).toBe('de');
    expect(document.documentElement.lang).toBe('de');
    expect(i18n.t('common.retry')).toBe('Erneut versuchen');
    expect(formatCount(12345)).toBe('12.345');

    await setLanguageChoice('ja');
    expect(window.localStorage.getItem('kubedeck.language')).toBe('ja');
    expect(document.documentElement.lang).toBe('ja');
    expect(i18n.t('resources.list.count', { count: 3, singular: 'pod', plural: 'pods' })).toBe('pods 3 件');

    await setLanguageChoice('system');
    expect(window.localStorage.getItem('kubedeck.language')).toBeNull();
    expect(document.documentElement.lang).toBe('de');
  });

  it('picks plural forms and formats numbers and dates in the UI language', async () => {
    await setLanguageChoice('en');
    expect(i18n.t('resources.list.count', { count: 1, singular: 'pod', plural: 'pods' })).toBe('1 pod');
    expect(i18n.t('resources.list.count', { count: 1234, singular: 'pod', plural: 'pods' })).toBe('1,234 pods');
    await setLanguageChoice('de');
    expect(i18n.t('clusters.kubeconfig.problems', { count: 1 })).toBe('Eine kubeconfig-Datei hat ein Problem');
    expect(i18n.t('clusters.kubeconfig.problems', { count: 2 })).toBe('2 kubeconfig-Dateien haben Probleme');
    expect(formatDateTime(Date.UTC(2026, 10, 28, 12, 0, 0), 'de')).toMatch(/^28\.11\.2026, \d{2}:00:00$/);
  });
});
