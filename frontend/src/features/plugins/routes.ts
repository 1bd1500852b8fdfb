// Hashes of the plugin routes (parsed in router.ts):
//   #/c/<context>/plugins                 → the Plugins page
//   #/c/<context>/p/<plugin>/<path>        → a page a plugin registered
export function pluginsHash(context: string): string {
  return `#/c/${encodeURIComponent(context)}/plugins`;
}

export function pluginPageHash(context: string, plugin: string, path: string): string {
  return `#/c/${encodeURIComponent(context)}/p/${encodeURIComponent(plugin)}/${encodeURIComponent(path)}`;
}
