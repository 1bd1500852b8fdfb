// The frame's first message: the host posts { kd: 'connect' } to this
// window with port 2 of a MessageChannel. Only a message from the parent
// window (the host page) that passes isConnect counts, and only the first:
// after it, the window listens no more, so no one else can take over.
import { isConnect } from '../features/plugins/sandbox/protocol';

export function waitForConnect(win: Window): Promise<MessagePort> {
  return new Promise((resolve) => {
    const onMessage = (e: MessageEvent<unknown>) => {
      if (e.source !== win.parent || !isConnect(e.data)) return;
      const port = e.ports[0];
      if (!port) return;
      win.removeEventListener('message', onMessage);
      resolve(port);
    };
    win.addEventListener('message', onMessage);
  });
}
