// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { focusables, wrapTarget } from './focusTrap';

function dialog(): { root: HTMLElement; outside: HTMLButtonElement } {
  document.body.innerHTML = `
    <button id="outside">outside</button>
    <div id="root">
      <button id="a">a</button>
      <button disabled>off</button>
      <input id="b" />
      <div hidden><button>hidden</button></div>
      <button id="c" tabindex="-1">not tabbable</button>
      <textarea id="d"></textarea>
    </div>`;
  return { root: document.getElementById('root')!, outside: document.getElementById('outside') as HTMLButtonElement };
}

describe('focus trap', () => {
  it('lists what Tab reaches, skipping disabled, hidden and tabindex=-1', () => {
    const { root } = dialog();
    expect(focusables(root).map((e) => e.id)).toEqual(['a', 'b', 'd']);
  });
  it('wraps Tab from the last to the first and Shift+Tab from the first to the last', () => {
    const { root } = dialog();
    expect(wrapTarget(root, document.getElementById('d'), false)?.id).toBe('a');
    expect(wrapTarget(root, document.getElementById('a'), true)?.id).toBe('d');
  });
  it('lets Tab move normally inside', () => {
    const { root } = dialog();
    expect(wrapTarget(root, document.getElementById('a'), false)).toBeNull();
    expect(wrapTarget(root, document.getElementById('b'), true)).toBeNull();
  });
  it('brings focus that escaped back in', () => {
    const { root, outside } = dialog();
    expect(wrapTarget(root, outside, false)?.id).toBe('a');
    expect(wrapTarget(root, outside, true)?.id).toBe('d');
  });
});
