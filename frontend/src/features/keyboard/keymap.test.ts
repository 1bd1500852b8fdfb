import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKeymap, isTyping, matchesChord, parseChord, type KeyBinding } from './keymap';

function key(init: KeyboardEventInit, target: EventTarget = document.body): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  Object.defineProperty(e, 'target', { value: target });
  return e;
}

const bind = (over: Partial<KeyBinding> & Pick<KeyBinding, 'keys'>): KeyBinding => ({
  id: over.keys.join(),
  label: 'test',
  group: 'Global',
  run: vi.fn(),
  ...over,
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('chords', () => {
  it('parses and matches modifiers exactly', () => {
    expect(parseChord('Mod+Shift+K')).toEqual({ key: 'k', mod: true, ctrl: false, shift: true, alt: false });
    const modK = parseChord('Mod+K');
    expect(matchesChord(modK, key({ key: 'k', ctrlKey: true }))).toBe(true);
    expect(matchesChord(modK, key({ key: 'k', metaKey: true }))).toBe(true);
    expect(matchesChord(modK, key({ key: 'K', ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matchesChord(modK, key({ key: 'k' }))).toBe(false);
    const ctrlD = parseChord('Ctrl+D');
    expect(matchesChord(ctrlD, key({ key: 'd', ctrlKey: true }))).toBe(true);
    expect(matchesChord(ctrlD, key({ key: 'd', metaKey: true }))).toBe(false);
    const l = parseChord('l');
    expect(matchesChord(l, key({ key: 'l' }))).toBe(true);
    expect(matchesChord(l, key({ key: 'L', shiftKey: true }))).toBe(false);
    expect(matchesChord(l, key({ key: 'l', ctrlKey: true }))).toBe(false);
  });

  it('ignores Shift for punctuation (layouts differ) but not for letters or named keys', () => {
    expect(matchesChord(parseChord('?'), key({ key: '?', shiftKey: true }))).toBe(true);
    expect(matchesChord(parseChord(':'), key({ key: ':', shiftKey: true }))).toBe(true);
    expect(matchesChord(parseChord('Enter'), key({ key: 'Enter', shiftKey: true }))).toBe(false);
    expect(matchesChord(parseChord('Space'), key({ key: ' ' }))).toBe(true);
  });
});

describe('isTyping', () => {
  it('is true in fields, contenteditable, CodeMirror and xterm; false elsewhere', () => {
    document.body.innerHTML = `
      <input id="i"><textarea id="t"></textarea><select id="s"></select>
      <div contenteditable="true" id="ce"><span id="ce-child">x</span></div>
      <div class="cm-editor"><div class="cm-content" id="cm"></div></div>
      <div class="xterm"><textarea id="xt"></textarea><div id="xt-screen"></div></div>
      <button id="b">b</button><table id="g" tabindex="0"></table>`;
    for (const id of ['i', 't', 's', 'ce', 'ce-child', 'cm', 'xt', 'xt-screen']) expect(isTyping(document.getElementById(id)), id).toBe(true);
    for (const id of ['b', 'g']) expect(isTyping(document.getElementById(id)), id).toBe(false);
    expect(isTyping(document.body)).toBe(false);
  });
});

describe('keymap', () => {
  it('runs the newest matching binding and prevents the default', () => {
    const km = createKeymap(null);
    const older = bind({ keys: ['l'] });
    const newer = bind({ keys: ['l'] });
    km.register(() => [older]);
    km.register(() => [newer]);
    const e = key({ key: 'l' });
    expect(km.dispatch(e)).toBe(true);
    expect(newer.run).toHaveBeenCalledOnce();
    expect(older.run).not.toHaveBeenCalled();
    expect(e.defaultPrevented).toBe(true);
  });

  it('never fires inside inputs, editors or the terminal: the key is left to them', () => {
    document.body.innerHTML = `<input id="i"><div class="cm-editor"><div class="cm-content" id="cm" contenteditable="true"></div></div><div class="xterm"><textarea id="xt"></textarea></div>`;
    const km = createKeymap(null);
    const bs = [bind({ keys: ['l'] }), bind({ keys: ['Mod+K'] }), bind({ keys: ['Escape'] }), bind({ keys: ['?'] })];
    km.register(() => bs);
    for (const id of ['i', 'cm', 'xt']) {
      const t = document.getElementById(id)!;
      for (const init of [{ key: 'l' }, { key: 'k', ctrlKey: true }, { key: 'Escape' }, { key: '?', shiftKey: true }]) {
        const e = key(init, t);
        expect(km.dispatch(e), `${id} ${init.key}`).toBe(false);
        expect(e.defaultPrevented).toBe(false);
      }
    }
    for (const b of bs) expect(b.run).not.toHaveBeenCalled();
  });

  it('waits while a dialog is open or focused', () => {
    const km = createKeymap(null);
    const b = bind({ keys: ['l'] });
    km.register(() => [b]);
    document.body.innerHTML = `<div role="dialog" aria-modal="true"><button id="x">x</button></div>`;
    expect(km.dispatch(key({ key: 'l' }, document.getElementById('x')!))).toBe(false);
    expect(km.dispatch(key({ key: 'l' }))).toBe(false);
    document.body.innerHTML = '';
    expect(km.dispatch(key({ key: 'l' }))).toBe(true);
  });

  it('runs a widget binding only while focus is inside its element, before page bindings', () => {
    document.body.innerHTML = `<table id="g" tabindex="0"><tbody><tr><td id="cell">x</td></tr></tbody></table><button id="out">o</button>`;
    const km = createKeymap(null);
    const page = bind({ keys: ['Escape'] });
    const grid = bind({ keys: ['Escape'], within: () => document.getElementById('g') });
    km.register(() => [grid]);
    km.register(() => [page]);
    km.dispatch(key({ key: 'Escape' }, document.getElementById('g')!));
    expect(grid.run).toHaveBeenCalledOnce();
    expect(page.run).not.toHaveBeenCalled();
    km.dispatch(key({ key: 'Escape' }, document.getElementById('out')!));
    expect(page.run).toHaveBeenCalledOnce();
    expect(grid.run).toHaveBeenCalledOnce();
  });

  it('a disabled binding does not run: its listeners hear why', () => {
    const km = createKeymap(null);
    const b = bind({ keys: ['s'], disabled: 'Read-only context' });
    km.register(() => [b]);
    const heard: string[] = [];
    km.onDisabled((x) => heard.push(x.disabled ?? ''));
    expect(km.dispatch(key({ key: 's' }))).toBe(true);
    expect(b.run).not.toHaveBeenCalled();
    expect(heard).toEqual(['Read-only context']);
  });

  it('lists what is registered, and stops listening when the last layer goes', () => {
    const target = { addEventListener: vi.fn(), removeEventListener: vi.fn() };
    const km = createKeymap(target);
    const changes = vi.fn();
    km.subscribe(changes);
    const off = km.register(() => [bind({ keys: ['f'], id: 'filter' })]);
    expect(target.addEventListener).toHaveBeenCalledWith('keydown', expect.any(Function));
    expect(km.bindings().map((b) => b.id)).toEqual(['filter']);
    off();
    expect(km.bindings()).toEqual([]);
    expect(target.removeEventListener).toHaveBeenCalledOnce();
    expect(changes).toHaveBeenCalledTimes(2);
  });
});
