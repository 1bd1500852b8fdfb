import { t } from '../../../i18n';
import type { Refusal } from './capabilities';

/** "Refused: write configmaps (not granted)" in the UI language. */
export function refusalText(r: Refusal): string {
  return t('plugins.refused.line', { what: t(`plugins.refused.action.${r.action}`, { target: r.target }), reason: t(`plugins.refused.reason.${r.reason}`) });
}
