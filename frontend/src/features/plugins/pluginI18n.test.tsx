import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { addPluginTranslations, pluginT, pluginText } from './pluginI18n';
import { PluginRegistry, emptyContributions } from './registry';

const translations = {
  en: { sidebar: { images: 'Images' }, found_one: '{{count}} image', found_other: '{{count}} images', hello: 'Hello {{name}}' },
  de: { sidebar: { images: 'Abbilder' }, found_one: '{{count}} Abbild', found_other: '{{count}} Abbilder', hello: 'Hallo {{name}}' },
  ja: { sidebar: { images: 'イメージ' }, found_other: 'イメージ {{count}} 件', hello: 'こんにちは、{{name}}' },
};

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('plugin translations (the host’s copy, for the labels it draws)', () => {
  it('live in the plugin’s own namespace and follow the UI language, plurals and interpolation', async () => {
    addPluginTranslations('images', translations);
    const t = pluginT('images');
    expect(t('found', { count: 3 })).toBe('3 images');
    await i18n.changeLanguage('de');
    expect(t('found', { count: 1 })).toBe('1 Abbild');
    expect(t('hello', { name: 'Ada' })).toBe('Hallo Ada');
    expect(pluginText('images', 'sidebar.images')).toBe('Abbilder');
    await i18n.changeLanguage('ja');
    expect(t('found', { count: 1 })).toBe('イメージ 1 件');
    // A missing key falls back to the key itself; the host's keys are not the plugin's.
    expect(t('nothing.here')).toBe('nothing.here');
    expect(t('common.retry')).toBe('common.retry');
    // Plain text a plugin registers shows as it is.
    expect(pluginText('images', 'Restarts: all')).toBe('Restarts: all');
  });

  it('refuses malformed translations and forgets them when the plugin unloads', () => {
    expect(() => addPluginTranslations('images', { de: 'Hallo' } as unknown as Record<string, Record<string, unknown>>)).toThrow(/de translations must be an object/);
    expect(() => addPluginTranslations('images', { 'not a tag': {} })).toThrow(/not a language tag/);
    const reg = new PluginRegistry();
    const gen = reg.begin('images', '/plugin-frame/t/');
    addPluginTranslations('images', translations);
    reg.registered('images', gen, emptyContributions());
    expect(i18n.hasResourceBundle('de', 'plugin/images')).toBe(true);
    reg.unload('images');
    expect(i18n.hasResourceBundle('de', 'plugin/images')).toBe(false);
  });
});
