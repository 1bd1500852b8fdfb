import { describe, expect, it } from 'vitest';
import type { FrameMessage } from '../features/plugins/sandbox/protocol';
import { reportRefusals } from './refusals';
import { applyTheme } from './theme';

function violation(effectiveDirective: string, blockedURI: string): Event {
  const e = new Event('securitypolicyviolation');
  Object.assign(e, { effectiveDirective, blockedURI });
  return e;
}

describe('refusals', () => {
  it('reports each distinct CSP violation once, at most 50', () => {
    const sent: FrameMessage[] = [];
    const stop = reportRefusals(document, (m) => sent.push(m));
    document.dispatchEvent(violation('connect-src', 'https://evil.example/steal'));
    document.dispatchEvent(violation('connect-src', 'https://evil.example/steal'));
    document.dispatchEvent(violation('frame-src', ''));
    for (let i = 0; i < 100; i++) document.dispatchEvent(violation('img-src', `https://x.example/${i}`));
    stop();
    document.dispatchEvent(violation('script-src', 'https://late.example/'));
    expect(sent.slice(0, 2)).toEqual([
      { type: 'refused', what: 'connect-src: https://evil.example/steal' },
      { type: 'refused', what: 'frame-src: inline' },
    ]);
    expect(sent).toHaveLength(50);
  });
});

describe('applyTheme', () => {
  it('sets data-theme, color-scheme and custom properties only', () => {
    const applied = applyTheme(document, { name: 'light', vars: { '--kd-text': '#111', color: 'red', '--kd-x;y': '1', '--kd-n': 3 as unknown as string } });
    expect(applied).toEqual({ '--kd-text': '#111' });
    const root = document.documentElement;
    expect(root.dataset.theme).toBe('light');
    expect(root.style.colorScheme).toBe('light');
    expect(root.style.getPropertyValue('--kd-text')).toBe('#111');
    expect(root.style.color).toBe('');
  });
});
