// The capabilities a plugin asks for, one item each, in plain words: what the
// approval dialog lists (one checkbox each) and the card shows as granted.
import type { Capabilities } from '../../api/contract.gen';
import { t } from '../../i18n';

export interface CapabilityItem {
  id: string;
  text: string;
  /** Writes, Secret values and exec: shown as sensitive. */
  sensitive: boolean;
  /** Ticked when the dialog opens (Secret values never are). */
  ticked: boolean;
  /** Adds this item to a grant. */
  grant: (g: Capabilities) => void;
}

const kindText = (kind: string) => (kind === '*' ? t('plugins.cap.everyKind') : kind);

function readItems(read: readonly string[]): CapabilityItem[] {
  return read.map((kind) => ({
    id: `read:${kind}`,
    text: kind === 'secrets' ? t('plugins.cap.readSecrets') : t('plugins.cap.read', { kind: kindText(kind) }),
    sensitive: false,
    ticked: true,
    grant: (g) => {
      g.read = [...(g.read ?? []), kind];
    },
  }));
}

function writeItems(write: Record<string, string[]>): CapabilityItem[] {
  return Object.entries(write).flatMap(([kind, verbs]) =>
    verbs.map((verb) => ({
      id: `write:${kind}:${verb}`,
      text: verb === 'delete' ? t('plugins.cap.delete', { kind }) : t('plugins.cap.apply', { kind }),
      sensitive: true,
      ticked: true,
      grant: (g: Capabilities) => {
        const w = { ...(g.write ?? {}) };
        w[kind] = [...(w[kind] ?? []), verb];
        g.write = w;
      },
    })),
  );
}

function flag(id: 'secretValues' | 'exec' | 'portForward' | 'logs' | 'settings', sensitive: boolean, ticked: boolean): CapabilityItem {
  return { id, text: t(`plugins.cap.${id}`), sensitive, ticked, grant: (g) => void (g[id] = true) };
}

/** The items of a request, in the order the dialog lists them. */
export function capabilityItems(c: Capabilities | undefined): CapabilityItem[] {
  if (!c) return [];
  const out = [...readItems(c.read ?? []), ...writeItems(c.write ?? {})];
  if (c.secretValues) out.push(flag('secretValues', true, false));
  if (c.exec) out.push(flag('exec', true, true));
  if (c.portForward) out.push(flag('portForward', false, true));
  if (c.logs) out.push(flag('logs', false, true));
  for (const origin of c.network ?? []) {
    out.push({ id: `network:${origin}`, text: t('plugins.cap.network', { origin }), sensitive: false, ticked: true, grant: (g) => void (g.network = [...(g.network ?? []), origin]) });
  }
  if (c.settings) out.push(flag('settings', false, true));
  return out;
}

/** The grant of the ticked items. */
export function grantOf(items: readonly CapabilityItem[], ticked: ReadonlySet<string>): Capabilities {
  const g: Capabilities = {};
  for (const item of items) if (ticked.has(item.id)) item.grant(g);
  return g;
}
