import { describe, expect, it } from 'vitest';
import {
  hasHiddenSecretValues,
  lintYaml,
  resourceVersionOf,
  splitDocuments,
  withoutManagedFields,
  withResourceVersion,
} from './yamlTools';

const CM = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: team-a
  resourceVersion: "123"
data:
  color: blue
`;

describe('lintYaml', () => {
  it('accepts valid YAML, multi-document too', () => {
    expect(lintYaml(CM)).toEqual([]);
    expect(lintYaml(`${CM}---\n${CM}`)).toEqual([]);
    expect(lintYaml('url: http://example.com:8080/x\n')).toEqual([]);
  });
  it('marks an unclosed flow sequence', () => {
    const p = lintYaml('a: 1\nb: [1, 2\n');
    expect(p.length).toBeGreaterThan(0);
    expect(p[0]!.message).toMatch(/YAML syntax error/);
  });
  it('marks a bad indentation and a sequence after a mapping', () => {
    expect(lintYaml('a: 1\n  b: 2\n')[0]!.line).toBe(2);
    expect(lintYaml('a: 1\n- b\n')[0]!.line).toBe(2);
  });
  it('marks tabs, nested mapping values and unterminated quotes', () => {
    expect(lintYaml('a:\n\tb: 1\n')[0]!.message).toMatch(/tabs/);
    expect(lintYaml('data:\n  k: a: b\n')[0]!.message).toMatch(/mapping values/);
    expect(lintYaml('data:\n  k: "abc\n')[0]!.message).toMatch(/unterminated/);
  });
});

describe('resourceVersion', () => {
  it('reads and replaces it in metadata', () => {
    expect(resourceVersionOf(CM)).toBe('123');
    const next = withResourceVersion(CM, '456');
    expect(resourceVersionOf(next)).toBe('456');
    expect(next).toContain('color: blue');
  });
  it('adds it when missing and ignores nested ones', () => {
    const y = 'kind: X\nmetadata:\n  name: a\nspec:\n  ref:\n    resourceVersion: "9"\n';
    expect(resourceVersionOf(y)).toBe('');
    const next = withResourceVersion(y, '10');
    expect(resourceVersionOf(next)).toBe('10');
    expect(next).toContain('    resourceVersion: "9"');
  });
});

describe('withoutManagedFields', () => {
  it('removes the block', () => {
    const y = `metadata:\n  managedFields:\n  - manager: kubectl\n    operation: Update\n    fieldsV1:\n      f:data: {}\n  name: a\ndata:\n  k: v\n`;
    expect(withoutManagedFields(y)).toBe('metadata:\n  name: a\ndata:\n  k: v\n');
  });
});

describe('secrets and documents', () => {
  it('detects hidden Secret values', () => {
    expect(hasHiddenSecretValues('kind: Secret\ndata:\n  p: <hidden: 8 bytes>\n')).toBe(true);
    expect(hasHiddenSecretValues(CM)).toBe(false);
  });
  it('splits documents', () => {
    expect(splitDocuments(`---\n${CM}---\n# only a comment\n---\n${CM}`)).toHaveLength(2);
  });
});
