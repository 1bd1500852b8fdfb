import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FrameMessage } from '../features/plugins/sandbox/protocol';
import type { DetailsSectionProps, KubedeckPluginAPI, PluginSettings, ViewProps, WatchEvent } from '../features/plugins/types';
import { fakeHost, initMessage, modules, type FakeHost } from './fakeHost';
import type { SizeDeps } from './size';

let host: FakeHost | null = null;
let root: HTMLElement;

beforeAll(() => {
  // The runtime renders with its own root, outside act(): tell React this is not an act() test.
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
});
beforeEach(() => {
  root = document.createElement('div');
  root.id = 'root';
  document.body.append(root);
});
afterEach(() => {
  host?.close();
  host = null;
  root.remove();
});

const until = (cond: () => boolean) => vi.waitFor(() => expect(cond()).toBe(true), { timeout: 2000 });

function view(activate: (kd: KubedeckPluginAPI) => void, spec: NonNullable<Parameters<typeof initMessage>[0]>, size?: SizeDeps): FakeHost {
  host = fakeHost({ importer: modules({ 'plugin/main.js': { default: activate } }), ...(size ? { size } : {}) });
  host.post(initMessage({ role: 'view', props: { context: 'kind-dev', namespace: 'web' }, ...spec }));
  return host;
}

const noSize: SizeDeps = { ResizeObserver: undefined, scheduleFrame: (cb) => cb() };

describe('view frames', () => {
  it('renders the route asked for with client, context and namespace, then posts registered', async () => {
    const h = view(
      (kd) => {
        const h = kd.React.createElement;
        kd.registerRoute({ path: 'other', title: 'Other', component: () => h('p', null, 'wrong page') });
        kd.registerRoute({ path: 'hello', title: 'Hello', component: ({ client, context, namespace }: ViewProps) => h('p', null, `Hello ${context}/${namespace} via ${client.context}`) });
      },
      { view: { kind: 'route', path: 'hello' } },
      noSize,
    );
    await h.next('registered');
    expect(root.textContent).toBe('Hello kind-dev/web via kind-dev');
  });

  it('renders a section with the live object and follows props messages', async () => {
    const h = view(
      (kd) => {
        kd.registerDetailsSection({ kind: { group: '', resource: 'pods' }, title: 'A', component: () => null });
        kd.registerDetailsSection({
          kind: { group: '', resource: 'pods' },
          title: 'Phase',
          component: ({ object, namespace }: DetailsSectionProps) => kd.React.createElement('p', null, `${namespace}: ${String((object.status as { phase?: string } | undefined)?.phase)}`),
        });
      },
      { view: { kind: 'section', index: 1 }, props: { context: 'c', namespace: 'web', object: { status: { phase: 'Pending' } } } },
      noSize,
    );
    await h.next('registered');
    expect(root.textContent).toBe('web: Pending');
    h.post({ type: 'props', props: { context: 'c', namespace: 'web', object: { status: { phase: 'Running' } } } });
    await until(() => root.textContent === 'web: Running');
  });

  it('gives components strings and an object even when the props are malformed', async () => {
    const h = view(
      (kd) =>
        kd.registerDetailsSection({
          kind: { group: '', resource: 'pods' },
          title: 'T',
          component: ({ object, context, namespace }: DetailsSectionProps) => kd.React.createElement('p', null, `${typeof context}/${typeof namespace}/${JSON.stringify(object)}`),
        }),
      { view: { kind: 'section', index: 0 }, props: { context: 7, object: [1] } as unknown as ViewProps },
      noSize,
    );
    await h.next('registered');
    expect(root.textContent).toBe('string/string/{}');
  });

  it('renders the settings page with kd.settings, re-rendering when the host refreshes them', async () => {
    const h = view(
      (kd) => kd.registerSettingsPage({ component: ({ settings }: { settings: PluginSettings }) => kd.React.createElement('p', null, `greeting=${settings.get('greeting') ?? '-'}`) }),
      { view: { kind: 'settings' }, settings: { greeting: 'hi' } },
      noSize,
    );
    await h.next('registered');
    expect(root.textContent).toBe('greeting=hi');
    h.post({ type: 'settings', settings: { greeting: 'hello' } });
    await until(() => root.textContent === 'greeting=hello');
  });

  it('a component watching through the client: events render; a new namespace stops the old watch', async () => {
    const h = view(
      (kd) =>
        kd.registerRoute({
          path: 'nodes',
          title: 'Nodes',
          component: ({ client }: ViewProps) => {
            const [names, setNames] = kd.React.useState<string>('loading');
            kd.React.useEffect(
              () =>
                client.watch({ group: '', version: 'v1', resource: 'nodes' }, {}, (e: WatchEvent) => {
                  if (e.type === 'objects') setNames(e.objects.map((o) => o.metadata?.name).join(','));
                }),
              [client],
            );
            return kd.React.createElement('p', null, names);
          },
        }),
      { view: { kind: 'route', path: 'nodes' } },
      noSize,
    );
    const call = await h.next('call');
    expect(call.call).toEqual({ method: 'watch', kind: { group: '', version: 'v1', resource: 'nodes' }, namespace: 'web' });
    h.post({ type: 'watch-event', id: call.id, event: { type: 'objects', objects: [{ metadata: { name: 'n1' } }, { metadata: { name: 'n2' } }] } });
    await until(() => root.textContent === 'n1,n2');
    // A new namespace is a new client: the old watch stops, a new one starts.
    h.post({ type: 'props', props: { context: 'kind-dev', namespace: 'other' } });
    const unwatch = await h.next('call');
    expect(unwatch.call).toEqual({ method: 'unwatch', watch: call.id });
    expect((await h.next('call')).call).toMatchObject({ method: 'watch', namespace: 'other' });
  });

  it.each([
    ['throws on the first render', true],
    ['throws on a later update', false],
  ])('posts failed when the view %s', async (_what, first) => {
    const h = view(
      (kd) =>
        kd.registerRoute({
          path: 'p',
          title: 'P',
          component: ({ namespace }: ViewProps) => {
            if (first || namespace === 'bad') throw new Error('render broke');
            return kd.React.createElement('p', null, 'fine');
          },
        }),
      { view: { kind: 'route', path: 'p' } },
      noSize,
    );
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    if (!first) {
      await h.next('registered');
      h.post({ type: 'props', props: { context: 'c', namespace: 'bad' } });
    }
    expect((await h.next('failed')).message).toBe('The view failed: render broke');
    expect(root.textContent).toBe('');
    if (first) expect(h.received.some((m) => m.type === 'registered')).toBe(false);
  });

  it('fails when the view asked for was not registered', async () => {
    const h = view((kd) => kd.registerRoute({ path: 'a', title: 'A', component: () => null }), { view: { kind: 'route', path: 'b' } }, noSize);
    expect((await h.next('failed')).message).toBe('The plugin registered no page "b"');
  });
});

describe('view frames: size and focus', () => {
  it('posts its height once rendered and on changes, once per frame and only when it differs', async () => {
    let observed: ResizeObserverCallback | null = null;
    class FakeRO {
      constructor(cb: ResizeObserverCallback) {
        observed = cb;
      }
      observe() {}
      disconnect() {}
    }
    const frames: (() => void)[] = [];
    let height = 120.2;
    vi.spyOn(root, 'getBoundingClientRect').mockImplementation(() => ({ height }) as DOMRect);
    const h = view((kd) => kd.registerRoute({ path: 'p', title: 'P', component: () => null }), { view: { kind: 'route', path: 'p' } }, {
      ResizeObserver: FakeRO as unknown as typeof ResizeObserver,
      scheduleFrame: (cb) => frames.push(cb),
    });
    expect((await h.next('size')).height).toBe(121);
    const fire = () => (observed as unknown as ResizeObserverCallback)([], {} as ResizeObserver);
    height = 300;
    fire();
    fire();
    expect(frames).toHaveLength(1);
    frames.shift()?.();
    expect((await h.next('size')).height).toBe(300);
    fire();
    frames.shift()?.();
    h.post({ type: 'ping', seq: 1 });
    await h.next('pong');
    expect(h.received.filter((m) => m.type === 'size')).toHaveLength(2);
  });

  it('moves focus in on "focus" and out on Tab past the edges', async () => {
    const h = view(
      (kd) => kd.registerRoute({ path: 'p', title: 'P', component: () => kd.React.createElement('div', null, kd.React.createElement('button', null, 'one'), kd.React.createElement('a', { href: '#x' }, 'two')) }),
      { view: { kind: 'route', path: 'p' } },
      noSize,
    );
    await h.next('registered');
    const [one, two] = [root.querySelector('button')!, root.querySelector('a')!];
    h.post({ type: 'focus', edge: 'last' });
    await until(() => document.activeElement === two);
    h.post({ type: 'focus', edge: 'first' });
    await until(() => document.activeElement === one);
    const tab = (shiftKey: boolean) => document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', shiftKey, bubbles: true, cancelable: true }));
    expect(tab(false)).toBe(true);
    expect(tab(true)).toBe(false);
    expect(await h.next('focus-out')).toEqual({ type: 'focus-out', direction: 'backward' } satisfies FrameMessage);
    two.focus();
    expect(tab(false)).toBe(false);
    expect((await h.next('focus-out')).direction).toBe('forward');
  });

  it('passes focus straight through a view with nothing to focus', async () => {
    const h = view((kd) => kd.registerRoute({ path: 'p', title: 'P', component: () => kd.React.createElement('p', null, 'text') }), { view: { kind: 'route', path: 'p' } }, noSize);
    await h.next('registered');
    h.post({ type: 'focus', edge: 'last' });
    expect((await h.next('focus-out')).direction).toBe('backward');
  });
});
