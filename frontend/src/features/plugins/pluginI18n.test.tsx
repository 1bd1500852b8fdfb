import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import type { PluginInfo } from './backend';
import { loadPlugin, type Importer } from './loader';
import { pluginText } from './pluginI18n';
import { PluginRegistry, running } from './registry';
import type { KubedeckPluginAPI } from './types';

const info: PluginInfo = {
  id: 'images',
  name: 'images',
  version: '1.0.0',
  description: '',
  main: 'main.js',
  apiVersion: 1,
  path: '/p/images',
  hash: 'abc',
  dev: false,
  state: 'enabled',
  url: '/api/plugins/images/main.js?h=1',
};

const translations = {
  en: { sidebar: { images: 'Images' }, found_one: '{{count}} image', found_other: '{{count}} images', hello: 'Hello {{name}}' },
  de: { sidebar: { images: 'Abbilder' }, found_one: '{{count}} Abbild', found_other: '{{count}} Abbilder', hello: 'Hallo {{name}}' },
  ja: { sidebar: { images: 'イメージ' }, found_other: 'イメージ {{count}} 件', hello: 'こんにちは、{{name}}' },
};

async function load(activate: (kd: KubedeckPluginAPI) => void) {
  const reg = new PluginRegistry();
  const importer: Importer = () => Promise.resolve({ default: activate });
  await loadPlugin(info, reg, importer);
  return reg;
}

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('plugin translations', () => {
  it('registers translations in its own namespace and translates with t, plurals and interpolation', async () => {
    let kd: KubedeckPluginAPI | null = null;
    const reg = await load((api) => {
      kd = api;
      api.registerTranslations(translations);
      api.registerSidebarEntry({ label: 'sidebar.images', path: 'images' });
    });
    expect(reg.snapshot().loaded.get('images')?.runtime.status).toBe('running');
    const api = kd as unknown as KubedeckPluginAPI;
    expect(api.t('found', { count: 1 })).toBe('1 image');
    expect(api.t('found', { count: 3 })).toBe('3 images');
    await i18n.changeLanguage('de');
    expect(api.language()).toBe('de');
    expect(api.t('found', { count: 1 })).toBe('1 Abbild');
    expect(api.t('hello', { name: 'Ada' })).toBe('Hallo Ada');
    const [entry] = running(reg.snapshot(), 'sidebar');
    expect(pluginText('images', entry?.label ?? '')).toBe('Abbilder');
    await i18n.changeLanguage('ja');
    expect(api.t('found', { count: 1 })).toBe('イメージ 1 件');
    // A missing key falls back to English, then to the key itself.
    expect(api.t('nothing.here')).toBe('nothing.here');
    // The host's keys are not the plugin's.
    expect(api.t('common.retry')).toBe('common.retry');
    // Plain text a plugin registers shows as it is.
    expect(pluginText('images', 'Restarts: all')).toBe('Restarts: all');
  });

  it('re-renders a plugin component that uses kd.useTranslation when the language changes', async () => {
    let kd: KubedeckPluginAPI | null = null;
    await load((api) => {
      kd = api;
      api.registerTranslations(translations);
    });
    const api = kd as unknown as KubedeckPluginAPI;
    function Hello() {
      const { t, language } = api.useTranslation();
      return <p lang={language}>{t('hello', { name: 'Ada' })}</p>;
    }
    render(<Hello />);
    expect(screen.getByText('Hello Ada')).toBeTruthy();
    await act(() => i18n.changeLanguage('ja'));
    expect(screen.getByText('こんにちは、Ada').getAttribute('lang')).toBe('ja');
  });

  it('fails a plugin that registers malformed translations, and forgets translations on unload', async () => {
    const bad = await load((api) => api.registerTranslations({ de: 'Hallo' } as unknown as Record<string, Record<string, unknown>>));
    const rt = bad.snapshot().loaded.get('images')?.runtime;
    expect(rt?.status).toBe('failed');

    const reg = await load((api) => api.registerTranslations(translations));
    expect(i18n.hasResourceBundle('de', 'plugin/images')).toBe(true);
    reg.unload('images');
    expect(i18n.hasResourceBundle('de', 'plugin/images')).toBe(false);
  });
});
