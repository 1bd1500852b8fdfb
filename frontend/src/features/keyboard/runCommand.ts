// Where a command bar command goes, from the route on screen.
import { DEFAULT_GVR, helmRoute, listRoute, type Route } from '../../router';
import type { Command } from './commands';

export type CommandTarget = { go: Route } | { context: string } | null;

/**
 * A kind keeps the namespace on screen (or the remembered one), a namespace
 * keeps the kind on screen (pods when none is), a context is switched to.
 */
export function commandTarget(cmd: Command, context: string, route: Route, rememberedNamespace: string): CommandTarget {
  const onKind = route.name === 'list' || route.name === 'details';
  const namespace = onKind ? route.namespace : rememberedNamespace;
  switch (cmd.type) {
    case 'resource':
      return { go: listRoute(context, cmd.entry.gvr, cmd.namespace ?? namespace) };
    case 'namespace':
      // On the Helm pages, :ns picks the releases' namespace.
      if (route.name === 'helm' || route.name === 'helmRelease') return { go: helmRoute(context, cmd.namespace) };
      return { go: listRoute(context, onKind ? route.gvr : DEFAULT_GVR, cmd.namespace) };
    case 'context':
      return { context: cmd.name };
    default:
      return null;
  }
}
