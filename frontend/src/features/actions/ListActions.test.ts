import { describe, expect, it } from 'vitest';
import type { Row } from '../../api/types';
import { deleteChecks } from './ListActions';

const row = (name: string, namespace?: string): Row => ({ key: namespace ? `${namespace}/${name}` : name, uid: name, name, cells: [], ...(namespace ? { namespace } : {}) });
const pods = { group: '', version: 'v1', resource: 'pods' };

describe('deleteChecks', () => {
  it('asks once per namespace of the selection', () => {
    expect(deleteChecks(pods, [row('a', 'team-a'), row('b', 'team-a'), row('c', 'team-b')])).toEqual([
      { verb: 'delete', group: '', resource: 'pods', namespace: 'team-a' },
      { verb: 'delete', group: '', resource: 'pods', namespace: 'team-b' },
    ]);
  });
  it('asks cluster-wide for cluster-scoped objects', () => {
    expect(deleteChecks({ group: '', version: 'v1', resource: 'nodes' }, [row('n1'), row('n2')])).toEqual([{ verb: 'delete', group: '', resource: 'nodes' }]);
  });
  it('asks nothing for an empty selection', () => {
    expect(deleteChecks(pods, [])).toEqual([]);
  });
});
