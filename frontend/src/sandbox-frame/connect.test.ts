import { afterEach, describe, expect, it, vi } from 'vitest';
import { PROTOCOL } from '../features/plugins/sandbox/protocol';
import { waitForConnect } from './connect';

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

function port(): MessagePort {
  const ch = new MessageChannel();
  channels.push(ch);
  return ch.port2;
}

/** A message event as the browser delivers it (jsdom's constructor does not take Node's ports). */
function message(data: unknown, source: unknown, ports: MessagePort[]): MessageEvent {
  const e = new MessageEvent('message', { data });
  Object.defineProperty(e, 'source', { value: source });
  Object.defineProperty(e, 'ports', { value: ports });
  return e;
}

const settled = <T>(p: Promise<T>) => Promise.race([p, new Promise<'pending'>((r) => setTimeout(() => r('pending'), 20))]);

describe('waitForConnect', () => {
  it('takes the port of the first connect message from the parent window only', async () => {
    const got = waitForConnect(window);
    const good = port();
    window.dispatchEvent(message({ kd: 'connect', protocol: PROTOCOL }, {}, [port()]));
    window.dispatchEvent(message({ kd: 'connect', protocol: PROTOCOL + 1 }, window.parent, [port()]));
    window.dispatchEvent(message({ kd: 'hello' }, window.parent, [port()]));
    window.dispatchEvent(message({ kd: 'connect', protocol: PROTOCOL }, window.parent, []));
    expect(await settled(got)).toBe('pending');
    window.dispatchEvent(message({ kd: 'connect', protocol: PROTOCOL }, window.parent, [good]));
    expect(await got).toBe(good);
  });

  it('stops listening once connected (a later connect cannot take over)', async () => {
    const add = vi.spyOn(window, 'addEventListener');
    const remove = vi.spyOn(window, 'removeEventListener');
    const first = port();
    const got = waitForConnect(window);
    const listener = add.mock.calls.find((c) => c[0] === 'message')?.[1];
    expect(listener).toBeDefined();
    expect(remove).not.toHaveBeenCalledWith('message', listener);
    window.dispatchEvent(message({ kd: 'connect', protocol: PROTOCOL }, window.parent, [first]));
    expect(await got).toBe(first);
    expect(remove).toHaveBeenCalledWith('message', listener);
  });
});
