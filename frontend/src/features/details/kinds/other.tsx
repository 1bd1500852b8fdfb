// Any other kind's summary: its conditions, when it has any.
import { conditions } from '../summaries';
import { Conditions } from '../parts';
import type { KindSummary, KindSummaryProps } from './types';

function OtherSummary({ object: o }: KindSummaryProps) {
  return <Conditions list={conditions(o)} />;
}

/** Serves every kind without its own summary (kinds: none by name). */
export const otherSummary: KindSummary = { kinds: [], component: OtherSummary };
