// CodeMirror 6 with YAML highlighting and syntax errors marked while typing.
import { yaml as yamlLang } from '@codemirror/lang-yaml';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { basicSetup, EditorView } from 'codemirror';
import { useEffect, useRef } from 'react';
import { lintYaml } from './yamlTools';

export interface YamlEditorProps {
  value: string;
  onChange: (text: string) => void;
  /** Accessible name of the text area. */
  label: string;
  readOnly?: boolean;
  compact?: boolean;
}

const yamlLinter = linter(
  (view): Diagnostic[] =>
    lintYaml(view.state.doc.toString()).map((p) => ({ from: p.from, to: p.to, severity: 'error', message: p.message })),
  { delay: 250 },
);

const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--bg-input)', color: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--bg-subtle)', color: 'var(--text-faint)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--bg-hover)' },
  '.cm-cursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--row-highlight)' },
  '.cm-tooltip': { backgroundColor: 'var(--bg-raised)', color: 'var(--text)', border: '1px solid var(--border)' },
});

/** Colours from the theme's variables: readable in dark and light. */
const highlight = HighlightStyle.define([
  { tag: tags.definition(tags.propertyName), color: 'var(--accent-text)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--ok)' },
  { tag: tags.content, color: 'var(--text)' },
  { tag: tags.lineComment, color: 'var(--text-faint)', fontStyle: 'italic' },
  { tag: [tags.meta, tags.keyword, tags.typeName, tags.labelName], color: 'var(--warn)' },
  { tag: [tags.separator, tags.punctuation, tags.squareBracket, tags.brace], color: 'var(--text-muted)' },
]);

export function YamlEditor({ value, onChange, label, readOnly = false, compact = false }: YamlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changeRef = useRef(onChange);
  changeRef.current = onChange;
  const last = useRef(value);

  useEffect(() => {
    if (!host.current) return;
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: last.current,
        extensions: [
          basicSetup,
          yamlLang(),
          syntaxHighlighting(highlight),
          yamlLinter,
          lintGutter(),
          theme,
          EditorState.readOnly.of(readOnly),
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true', role: 'textbox' }),
          EditorView.updateListener.of((u) => {
            if (!u.docChanged) return;
            const text = u.state.doc.toString();
            last.current = text;
            changeRef.current(text);
          }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
  }, [label, readOnly]);

  // A new value from outside (e.g. "re-apply on the latest version") replaces the text.
  useEffect(() => {
    const v = view.current;
    if (!v || value === last.current) return;
    last.current = value;
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  return <div className={`yaml-editor${compact ? ' compact' : ''}`} ref={host} />;
}
