import { describe, expect, it } from 'vitest';
import { checkLabelSelector, parseFilter } from './selectors';

describe('parseFilter', () => {
  it('keeps plain text as a name filter', () => {
    expect(parseFilter('web')).toEqual({ mode: 'text', text: 'web' });
    expect(parseFilter('team-a web')).toEqual({ mode: 'text', text: 'team-a web' });
  });
  it.each(['app=web', 'app=web,tier!=db', 'env in (a,b)', 'env notin (a, b),app', '!canary', 'app.kubernetes.io/name==web', 'app='])(
    'reads the label selector %s',
    (s) => expect(parseFilter(s)).toEqual({ mode: 'label', selector: s }),
  );
  it('reads field selectors after field:', () => {
    expect(parseFilter('field:status.phase=Running')).toEqual({ mode: 'field', selector: 'status.phase=Running' });
    expect(parseFilter('field: spec.nodeName = node-1, status.phase!=Failed')).toEqual({
      mode: 'field',
      selector: 'spec.nodeName=node-1,status.phase!=Failed',
    });
  });
  it('reports half-typed selectors instead of sending them', () => {
    expect(parseFilter('app=web,').mode).toBe('invalid');
    expect(parseFilter('env in (a,').mode).toBe('invalid');
    expect(parseFilter('field:').mode).toBe('invalid');
    expect(parseFilter('a=b=c').mode).toBe('invalid');
  });
  it('checks label values', () => {
    expect(checkLabelSelector('env in (a b)')).not.toBeNull();
    expect(checkLabelSelector('x/y/z=1')).not.toBeNull();
  });
});
