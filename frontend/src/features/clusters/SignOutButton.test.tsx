import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { SignOutButton } from './SignOutButton';

afterEach(() => {
  cleanup();
  delete window.go;
});

describe('SignOutButton', () => {
  it('posts to /logout in the browser shell', () => {
    render(<SignOutButton />);
    const button = screen.getByRole('button', { name: 'Sign out' });
    const form = button.closest('form');
    expect(form?.getAttribute('method')).toBe('post');
    expect(form?.getAttribute('action')).toBe('/logout');
  });

  it('is absent in the desktop shell', () => {
    window.go = { commands: { Gate: { Call: () => Promise.resolve(null) } } };
    render(<SignOutButton />);
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
  });
});
