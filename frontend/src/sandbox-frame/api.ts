// The kd object a plugin's activate() receives inside its frame: plugin API
// v1 as plugins/README.md and plugins/types/kubedeck-plugin-api-v1.d.ts
// describe it. React is the frame's own; registrations are checked and kept
// here (the host gets them as data); settings and translations are the
// frame's caches of what the host sent.
import * as React from 'react';
import type { KubedeckPluginAPI } from '../features/plugins/types';
import { translationHook, type Translations } from './i18n';
import { registerFunctions, type Registrations } from './registrations';
import type { SettingsCache } from './settings';

export interface ApiParts {
  plugin: { id: string; name: string; version: string };
  registrations: Registrations;
  translations: Translations;
  settings: SettingsCache;
}

export function frameApi({ plugin, registrations, translations, settings }: ApiParts): KubedeckPluginAPI {
  const useTranslation = translationHook(translations);
  return Object.freeze({
    apiVersion: 1 as const,
    plugin: Object.freeze({ id: String(plugin.id), name: String(plugin.name), version: String(plugin.version) }),
    React,
    settings: settings.api,
    ...registerFunctions(registrations),
    registerTranslations: (resources) => translations.add(resources),
    t: translations.t,
    language: () => translations.language(),
    useTranslation,
  } satisfies KubedeckPluginAPI);
}
