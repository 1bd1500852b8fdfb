// Small YAML helpers for the editor: syntax errors before sending (Lezer's YAML
// parser + a few rules it tolerates), resourceVersion handling,
// managedFields removal, multi-document splitting.
import { yamlLanguage } from '@codemirror/lang-yaml';
import { t } from '../../i18n';

const parser = yamlLanguage.parser;

export interface YamlProblem {
  from: number;
  to: number;
  /** 1-based line. */
  line: number;
  message: string;
}

function lineOf(text: string, pos: number): number {
  let n = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Syntax problems of a (multi-document) YAML text; empty when it parses. */
export function lintYaml(text: string): YamlProblem[] {
  const out: YamlProblem[] = [];
  const tree = parser.parse(text);
  tree.iterate({
    enter(n) {
      if (!n.type.isError) return;
      // Error nodes are often empty: mark the rest of the line (or the character before).
      let from = n.from;
      let to = n.to;
      if (to <= from) {
        const eol = text.indexOf('\n', from);
        to = eol === -1 ? text.length : eol;
        if (to <= from && from > 0) from -= 1;
      }
      const line = lineOf(text, n.from);
      if (!out.some((p) => p.line === line)) out.push({ from, to, line, message: t('actions.lint.syntax', { line }) });
    },
  });
  let pos = 0;
  const lines = text.split('\n');
  lines.forEach((l, i) => {
    const line = i + 1;
    const tab = /^[ ]*\t/.exec(l);
    if (tab && l.trim() !== '' && !out.some((p) => p.line === line)) {
      out.push({ from: pos, to: pos + tab[0].length, line, message: t('actions.lint.tabs', { line }) });
    }
    // "key: value: more" — a plain scalar may not contain ": ".
    const nested = /^\s*(?:-\s+)?[A-Za-z0-9_./-]+:\s+([^\s"'[{|>&*!#%@`][^#]*?):\s/.exec(l);
    if (nested && !out.some((p) => p.line === line)) {
      out.push({ from: pos, to: pos + l.length, line, message: t('actions.lint.mapping', { line }) });
    }
    const dq = /^\s*(?:-\s+)?[A-Za-z0-9_./-]+:\s+"((?:[^"\\]|\\.)*)$/.exec(l);
    if (dq && !text.slice(pos + l.length).includes('"') && !out.some((p) => p.line === line)) {
      out.push({ from: pos, to: pos + l.length, line, message: t('actions.lint.unterminated', { line }) });
    }
    pos += l.length + 1;
  });
  return out.sort((a, b) => a.from - b.from);
}

const RV = /^(\s+)resourceVersion:\s*["']?([^"'\s#]*)["']?\s*$/m;

/** metadata.resourceVersion of an object's YAML ("" when absent). */
export function resourceVersionOf(yaml: string): string {
  return RV.exec(metadataBlock(yaml))?.[2] ?? '';
}

/** The text of the top-level metadata block (indented lines after "metadata:"). */
function metadataBlock(yaml: string): string {
  const lines = yaml.split('\n');
  const start = lines.findIndex((l) => /^metadata:\s*$/.test(l));
  if (start === -1) return '';
  const out: string[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (l.trim() !== '' && !/^\s/.test(l)) break;
    out.push(l);
  }
  return out.join('\n');
}

/** Puts a new metadata.resourceVersion into the user's YAML (added when missing). */
export function withResourceVersion(yaml: string, rv: string): string {
  const lines = yaml.split('\n');
  const start = lines.findIndex((l) => /^metadata:\s*$/.test(l));
  if (start === -1) return yaml;
  let indent = '  ';
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (l.trim() !== '' && !/^\s/.test(l)) break;
    const ind = /^(\s+)\S/.exec(l)?.[1];
    if (ind !== undefined && i === start + 1) indent = ind;
    if (ind === indent && /^\s+resourceVersion:/.test(l)) {
      lines[i] = `${indent}resourceVersion: "${rv}"`;
      return lines.join('\n');
    }
  }
  lines.splice(start + 1, 0, `${indent}resourceVersion: "${rv}"`);
  return lines.join('\n');
}

/** Removes metadata.managedFields (noise for editing; the server keeps its own). */
export function withoutManagedFields(yaml: string): string {
  const lines = yaml.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s+)managedFields:/.exec(lines[i] ?? '');
    if (m) {
      const ind = (m[1] ?? '').length;
      i++;
      while (i < lines.length) {
        const l = lines[i] ?? '';
        const li = l.length - l.trimStart().length;
        // Block sequences may sit at the key's own indentation ("- " items).
        if (l.trim() !== '' && (li < ind || (li === ind && !l.trimStart().startsWith('- ')))) break;
        i++;
      }
      i--;
      continue;
    }
    out.push(lines[i] ?? '');
  }
  return out.join('\n');
}

/** True when the YAML is a Secret whose values the backend hid. */
export function hasHiddenSecretValues(yaml: string): boolean {
  return /^kind:\s*Secret\s*$/m.test(yaml) && /<hidden: \d+ bytes>/.test(yaml);
}

/** Splits a multi-document YAML text at "---" lines; empty documents are dropped. */
export function splitDocuments(text: string): string[] {
  return text
    .split(/^---[ \t]*(?:#.*)?$/m)
    .map((d) => d.replace(/^\n+/, ''))
    .filter((d) => d.split('\n').some((l) => l.trim() !== '' && !l.trimStart().startsWith('#')));
}
