// Loading the plugin's module in the frame: import it, find its activate
// function, run it with the kd object, each step within the load timeout
// (10 s, as the host's loader had it). Errors are messages for the host's
// Plugins page.
import type { Activate, KubedeckPluginAPI } from '../features/plugins/types';

export const LOAD_TIMEOUT_MS = 10_000;

export type Importer = (url: string) => Promise<Record<string, unknown>>;

/** The browser's dynamic import, hidden from Vite (the URL is only known at run time). */
export const browserImport: Importer = (url) => import(/* @vite-ignore */ url) as Promise<Record<string, unknown>>;

class Timeout extends Error {}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(`${what} did not finish within ${ms / 1000} seconds`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** Imports and activates the plugin; resolves with its cleanup function (or null); rejects with a readable Error. */
export async function activatePlugin(url: string, kd: KubedeckPluginAPI, importer: Importer, timeoutMs: number): Promise<(() => void) | null> {
  let mod: Record<string, unknown>;
  try {
    mod = await withTimeout(importer(url), timeoutMs, 'Loading the plugin');
  } catch (e) {
    if (e instanceof Timeout) throw e;
    throw new Error(`The plugin could not be loaded: ${errorText(e)}`, { cause: e });
  }
  const activate = mod.default ?? mod.activate;
  if (typeof activate !== 'function') throw new Error('The plugin exports no activate function (a default export or one named activate)');
  const result = await withTimeout(Promise.resolve().then(() => (activate as Activate)(kd)), timeoutMs, 'activate()');
  return typeof result === 'function' ? (result as () => void) : null;
}
