// What a kind's summary is: the kinds it serves and the sections it renders
// on the Summary tab (as plugin sections are a kind plus a component).
import type { ComponentType } from 'react';
import type { KubeObject } from '../../../api/types';
import type { Meta } from '../summaries';

export interface KindSummaryProps {
  context: string;
  kind: string;
  object: KubeObject;
  meta: Meta;
}

export interface KindSummary {
  /** The kinds (Deployment, Pod...) this summary serves. */
  kinds: readonly string[];
  component: ComponentType<KindSummaryProps>;
}
