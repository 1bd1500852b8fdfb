// Rendering a release's page in tests (api/helm mocked with helmMock.ts), and
// typing into CodeMirror, given the layout jsdom lacks.
import { act } from '@testing-library/react';
import { EditorView } from 'codemirror';
import { renderWithQueries } from '../access/testing';
import { HelmReleaseView } from './HelmReleaseView';

// jsdom does no layout; CodeMirror measures text ranges.
Range.prototype.getClientRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
Range.prototype.getBoundingClientRect = () => new DOMRect();

export function showRelease(props: { name?: string; namespace?: string; driver?: string; tab?: string } = {}) {
  return renderWithQueries(
    <HelmReleaseView context="kind" namespace={props.namespace ?? 'team-a'} name={props.name ?? 'shop'} driver={props.driver ?? ''} {...(props.tab ? { tab: props.tab } : {})} />,
  );
}

/** Types into a CodeMirror editor (found by its text box) as a user would: the whole text replaced. */
export function typeInto(textbox: HTMLElement, text: string): void {
  const view = EditorView.findFromDOM(textbox);
  if (!view) throw new Error('not a CodeMirror editor');
  act(() => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }));
}
