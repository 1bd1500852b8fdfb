import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ThemeChangedEvent, ThemeEvent, connectDesktopTheme, setTheme, themePreference, useTheme } from './theme';

type Handler = (...data: unknown[]) => void;

// The Wails runtime's events, as the desktop app injects them.
function fakeRuntime() {
  const handlers = new Map<string, Handler>();
  const emitted: unknown[][] = [];
  const runtime = {
    EventsOn: vi.fn((name: string, cb: Handler) => {
      handlers.set(name, cb);
      return () => handlers.delete(name);
    }),
    EventsEmit: vi.fn((name: string, ...data: unknown[]) => emitted.push([name, ...data])),
  };
  (window as unknown as { runtime?: unknown }).runtime = runtime;
  return { fromMenu: (pref: string) => handlers.get(ThemeEvent)?.(pref), emitted, handlers };
}

describe('theme store', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    delete (window as unknown as { runtime?: unknown }).runtime;
  });

  it('tells the desktop menu the preference at start', () => {
    localStorage.setItem('kubedeck.theme', 'dark');
    const rt = fakeRuntime();
    connectDesktopTheme();
    expect(rt.emitted).toEqual([[ThemeChangedEvent, 'dark']]);
  });

  it('a menu choice updates the store, the page and the hook, and is echoed to the menu', () => {
    const rt = fakeRuntime();
    const off = connectDesktopTheme();
    const { result } = renderHook(() => useTheme());
    act(() => rt.fromMenu('dark'));
    expect(themePreference()).toBe('dark');
    expect(localStorage.getItem('kubedeck.theme')).toBe('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(result.current.theme).toBe('dark');
    expect(rt.emitted.at(-1)).toEqual([ThemeChangedEvent, 'dark']);
    act(() => rt.fromMenu('system'));
    expect(themePreference()).toBe('system');
    expect(localStorage.getItem('kubedeck.theme')).toBeNull();
    act(() => rt.fromMenu('purple'));
    expect(themePreference()).toBe('system');
    off();
    expect(rt.handlers.has(ThemeEvent)).toBe(false);
  });

  it('the in-page toggle updates the store and tells the desktop menu', () => {
    const rt = fakeRuntime();
    connectDesktopTheme();
    const { result } = renderHook(() => useTheme());
    const before = result.current.theme;
    act(() => result.current.toggle());
    const after = before === 'dark' ? 'light' : 'dark';
    expect(result.current.theme).toBe(after);
    expect(rt.emitted.at(-1)).toEqual([ThemeChangedEvent, after]);
    // Back to what the OS uses: "follow the OS" again, and the menu says System.
    act(() => setTheme(before));
    expect(rt.emitted.at(-1)).toEqual([ThemeChangedEvent, 'system']);
  });

  it('works without the desktop runtime (browser)', () => {
    expect(() => connectDesktopTheme()()).not.toThrow();
    setTheme('dark');
    expect(themePreference()).toBe('dark');
  });
});
