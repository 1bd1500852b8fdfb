// The Debug dialog's form as data: what it asks, what is wrong with it,
// the request it makes, and the sentence saying what that creates.
import type { DebugRequest } from '../../api/operations';
import { t } from '../../i18n';
import { splitCommand } from '../terminal/shell';

/** The image offered first: small, with a shell, tar and nsenter (app/debug's default). */
export const DEFAULT_DEBUG_IMAGE = 'docker.io/library/busybox:1.37';

export type DebugMode = 'ephemeral' | 'copy';

export interface DebugForm {
  mode: DebugMode;
  image: string;
  /**
   * Ephemeral: the container whose processes the debug container sees ("" none).
   * Copy: the container the copy changes ("" adds a debug container).
   */
  target: string;
  /** Copy only: the command the changed or added container runs instead ("" its own). */
  command: string;
  /** Copy only: delete the copy when its terminal closes. */
  deleteCopy: boolean;
}

export function initialDebugForm(mode: DebugMode, deleteAllowed: boolean): DebugForm {
  return { mode, image: DEFAULT_DEBUG_IMAGE, target: '', command: '', deleteCopy: deleteAllowed };
}

/** The remembered images (latest first) and the default, once each. */
export function imageChoices(remembered: readonly string[] | undefined): string[] {
  return [...new Set([...(remembered ?? []), DEFAULT_DEBUG_IMAGE])];
}

/** Whether the form must name an image: not when a copy only changes a container's command. */
export const needsImage = (f: DebugForm): boolean => f.mode === 'ephemeral' || f.target === '';

export type DebugProblem = 'image' | 'imageSpaces' | 'command';

/** The first thing to fix before Start, or null. */
export function debugProblem(f: DebugForm): DebugProblem | null {
  const image = f.image.trim();
  if (needsImage(f) && !image) return 'image';
  if (/\s/.test(image)) return 'imageSpaces';
  if (f.mode === 'copy' && f.command.trim() && splitCommand(f.command.trim()).length === 0) return 'command';
  return null;
}

export function problemText(p: DebugProblem): string {
  switch (p) {
    case 'image':
      return t('debug.invalid.image');
    case 'imageSpaces':
      return t('debug.invalid.imageSpaces');
    case 'command':
      return t('debug.invalid.command');
  }
}

/** The request for DebugStart (the terminal adds its size). */
export function debugRequest(namespace: string, pod: string, f: DebugForm): Omit<DebugRequest, 'cols' | 'rows'> {
  const image = f.image.trim();
  const r: Omit<DebugRequest, 'cols' | 'rows'> = { namespace, pod, image };
  if (f.target) r.target = f.target;
  if (f.mode === 'copy') {
    r.copy = true;
    r.deleteCopy = f.deleteCopy;
    const command = splitCommand(f.command.trim());
    if (command.length > 0) r.command = command;
  }
  return r;
}

/** What Start creates, in words: the dialog shows it before the user commits. */
export function debugCreates(namespace: string, pod: string, f: DebugForm, targetImage: string): string {
  const image = f.image.trim() || targetImage;
  if (f.mode === 'ephemeral') {
    const adds = f.target ? t('debug.creates.ephemeralTarget', { pod, image, target: f.target }) : t('debug.creates.ephemeral', { pod, image });
    return `${adds} ${t('debug.creates.ephemeralStays')}`;
  }
  const copy = t('debug.creates.copy', { pod, namespace });
  const inside = f.target ? t('debug.creates.copyChanged', { container: f.target, image }) : t('debug.creates.copyAdded', { image });
  const lifetime = f.deleteCopy ? t('debug.creates.copyDeleted') : t('debug.creates.copyKept');
  return `${copy} ${inside} ${lifetime}`;
}
