import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
// The app's i18next instance, in English (jsdom's navigator.language is en-US).
import '../i18n';
import { setStreamMux } from '../api/openStream';

// Unit tests fake one stream per fetch; the stream mux has tests of its own (api/mux.test.ts).
setStreamMux(null);

// jsdom does no layout: give scroll containers a size so virtualized lists render rows.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });
Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 800 });
Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 1200 });
Object.defineProperty(Element.prototype, 'scrollHeight', { configurable: true, get: () => 10_000_000 });
// …and scrolling that moves: scrollTop is kept per element, scrollTo sets it and fires "scroll".
const scrollTops = new WeakMap<Element, number>();
Object.defineProperty(Element.prototype, 'scrollTop', {
  configurable: true,
  get(this: Element) {
    return scrollTops.get(this) ?? 0;
  },
  set(this: Element, v: number) {
    scrollTops.set(this, v);
  },
});
Element.prototype.scrollTo = function scrollTo(this: Element, a?: ScrollToOptions | number, b?: number) {
  const top = typeof a === 'number' ? b : a?.top;
  if (typeof top === 'number') this.scrollTop = Math.max(0, top);
  this.dispatchEvent(new Event('scroll'));
} as Element['scrollTo'];

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});
