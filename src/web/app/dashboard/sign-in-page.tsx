import { useState } from 'react';
import type { FormEvent } from 'react';
import { useLocation, useSearch } from 'wouter';
import { useSignIn } from '../api/session.tsx';
import { ProblemMessage } from '../ui/problem.tsx';
import { useTitle } from '../ui/use-title.ts';

export default function SignInPage() {
  useTitle('Sign in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useSignIn();
  const [, navigate] = useLocation();
  const next = dashboardPath(new URLSearchParams(useSearch()).get('next'));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email, password }, { onSuccess: () => navigate(next) });
  };

  return (
    <main id="main" className="narrow">
      <h1>Sign in to the dashboard</h1>
      <form onSubmit={submit} className="stack">
        <label>
          Email
          <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Password
          <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
        <ProblemMessage error={signIn.error} />
      </form>
    </main>
  );
}

/** Where to go once signed in: the dashboard page first asked for, never a path outside the dashboard. */
function dashboardPath(next: string | null): string {
  return next !== null && /^\/dashboard(\/[\w\-/]*)?$/.test(next) ? next : '/dashboard';
}
