import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ClusterStatus } from '../../api/types';
import { SignInScreen } from './SignIn';

const status = (message: string): ClusterStatus => ({
  context: 'prod',
  state: 'signed-out',
  message,
  server: 'https://prod:6443',
  groups: [],
  auth: 'kubeconfig',
  tokenStorage: 'memory',
});

describe('SignInScreen', () => {
  it("shows a failed credential plugin's own output, as printed", () => {
    render(
      <SignInScreen
        status={status(
          `The kubeconfig's credential plugin failed: Post "https://prod:6443/x": getting credentials: exec plugin aws failed with exit code 255. It said:\nError loading SSO Token\nrun: aws sso login --profile prod`,
        )}
        onSignedIn={() => {}}
      />,
    );
    expect(screen.getByText(/exec plugin aws failed with exit code 255\.$/)).toBeTruthy();
    expect(screen.getByLabelText('Credential plugin output').textContent).toBe('Error loading SSO Token\nrun: aws sso login --profile prod');
  });

  it('shows a plain message as it is', () => {
    render(<SignInScreen status={status('This cluster did not accept your credentials.')} onSignedIn={() => {}} />);
    expect(screen.getByText('This cluster did not accept your credentials.')).toBeTruthy();
    expect(screen.queryByLabelText('Credential plugin output')).toBeNull();
  });
});
