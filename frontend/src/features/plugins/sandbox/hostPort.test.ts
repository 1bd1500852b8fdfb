import { describe, expect, it, vi } from 'vitest';
import { connectFrame, sandboxedFrame } from './hostPort';

describe('connectFrame', () => {
  it('after the load posts connect with a port to the frame’s window ("*"), then speaks on the port; a second load is a navigation', async () => {
    const iframe = sandboxedFrame('/plugin-frame/t/', 'x');
    const win = { postMessage: vi.fn() };
    Object.defineProperty(iframe, 'contentWindow', { value: win });
    const onConnect = vi.fn();
    const onMessage = vi.fn();
    const onNavigated = vi.fn();
    const port = connectFrame(iframe, { onConnect, onMessage, onNavigated });
    expect(port.post({ type: 'ping', seq: 1 })).toBe(false);
    iframe.dispatchEvent(new Event('load'));
    expect(onConnect).toHaveBeenCalledTimes(1);
    const [msg, origin, transfer] = win.postMessage.mock.calls[0] as [unknown, string, MessagePort[]];
    expect(msg).toEqual({ kd: 'connect', protocol: 1 });
    expect(origin).toBe('*');
    const frameSide = transfer[0]!;
    const got: unknown[] = [];
    frameSide.onmessage = (e) => got.push(e.data);
    expect(port.post({ type: 'ping', seq: 2 })).toBe(true);
    frameSide.postMessage({ type: 'pong', seq: 2 });
    frameSide.postMessage({ type: 'evil', code: 'x' });
    await vi.waitFor(() => expect(got).toEqual([{ type: 'ping', seq: 2 }]));
    await vi.waitFor(() => expect(onMessage).toHaveBeenCalledWith({ type: 'pong', seq: 2 }));
    expect(onMessage).toHaveBeenCalledTimes(1);
    iframe.dispatchEvent(new Event('load'));
    expect(onNavigated).toHaveBeenCalledTimes(1);
    expect(port.post({ type: 'ping', seq: 3 })).toBe(false);
    frameSide.close();
  });

  it('makes frames with scripts only', () => {
    const f = sandboxedFrame('/plugin-frame/t/', 'Plugin: Page');
    expect(f.getAttribute('sandbox')).toBe('allow-scripts');
    expect(f.title).toBe('Plugin: Page');
  });
});
