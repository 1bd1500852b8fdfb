import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DiffView } from './DiffView';

const doc = (n: number) => Array.from({ length: n }, (_, i) => `  key${i}: value${i}`);
const changedAtBothEnds = (lines: readonly string[]) => {
  const after = [...lines];
  after[0] = '  key0: changed';
  after[after.length - 1] = '  last: changed';
  return after;
};

describe('DiffView', () => {
  it('shows a 10,000-line object changed at both ends as its changes and one fold', () => {
    const before = doc(10_000);
    render(<DiffView before={before.join('\n')} after={changedAtBothEnds(before).join('\n')} label="Changes" />);
    const diff = screen.getByLabelText('Changes');
    expect(screen.getByText('2 lines added, 2 removed.')).toBeTruthy();
    expect(diff.querySelectorAll('.diff-line')).toHaveLength(4 + 6);
    expect(within(diff).getByRole('button', { name: '9,992 unchanged lines' })).toBeTruthy();
    expect(diff.textContent).toMatch(/removed: {3}key0: value0[\s\S]*added: {3}key0: changed/);
  });

  it('shows a fold on request, and folds a new diff again', () => {
    const before = doc(40);
    const after = changedAtBothEnds(before);
    const { rerender } = render(<DiffView before={before.join('\n')} after={after.join('\n')} label="Changes" />);
    const diff = screen.getByLabelText('Changes');
    fireEvent.click(within(diff).getByRole('button', { name: '32 unchanged lines' }));
    expect(within(diff).queryByRole('button')).toBeNull();
    expect(diff.querySelectorAll('.diff-line')).toHaveLength(42);
    expect(diff.textContent).toContain('key20: value20');

    rerender(<DiffView before={before.join('\n')} after={after.slice(1).join('\n')} label="Changes" />);
    expect(within(screen.getByLabelText('Changes')).getByRole('button', { name: /unchanged lines/ })).toBeTruthy();
  });

  it('says when nothing changed', () => {
    render(<DiffView before={'a: 1\n'} after={'a: 1\n'} label="Changes" />);
    expect(screen.getByText('No changes.')).toBeTruthy();
  });
});
