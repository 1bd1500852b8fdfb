import { describe, expect, it } from 'vitest';
import { shellCommand, splitCommand } from './shell';

describe('terminal commands', () => {
  it('splits a command line with quotes', () => {
    expect(splitCommand(`sh -c 'echo "hi there"; ls'`)).toEqual(['sh', '-c', 'echo "hi there"; ls']);
    expect(splitCommand('  top   -b ')).toEqual(['top', '-b']);
    expect(splitCommand(`echo ""`)).toEqual(['echo', '']);
    expect(splitCommand('')).toEqual([]);
  });

  it('maps shell choices to commands', () => {
    expect(shellCommand('sh', '')).toEqual(['/bin/sh']);
    expect(shellCommand('bash', 'ignored')).toEqual(['/bin/bash']);
    expect(shellCommand('custom', 'python3 -i')).toEqual(['python3', '-i']);
  });
});
