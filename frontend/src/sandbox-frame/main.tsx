/**
 * The plugin frame runtime: the entry of frame.html, the document of every
 * plugin's <iframe sandbox="allow-scripts"> (served at /plugin-frame/<token>/
 * with a strict CSP; an opaque origin with no cookies, no app storage, no
 * Wails bindings and no access to the host page).
 *
 * It waits for the host's "connect" message and its MessagePort, then
 * implements plugin API v1 (plugins/README.md) inside the frame over
 * protocol.ts: the plugin's module is imported here, activate(kd) runs here,
 * its components render here with the frame's own React, and its cluster
 * client is a proxy whose every call the host checks against the grant.
 *
 * It imports nothing of the app (only protocol.ts and the API's types).
 */
import './frame.css';
import { waitForConnect } from './connect';
import { startRuntime } from './runtime';

void waitForConnect(window).then((port) => {
  const stop = startRuntime(port);
  window.addEventListener('pagehide', stop, { once: true });
});
