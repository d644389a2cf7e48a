import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'wouter';
import { ApiError, api } from '../api/client.ts';
import { useSignIn } from '../api/session.tsx';
import { ProblemMessage } from '../ui/problem.tsx';
import { useTitle } from '../ui/use-title.ts';
import { candidateLinksIntro, missingNoticeDistances } from './missing-notice.ts';

/** What the server offers a newcomer in demo mode (`leeway serve --demo`). */
interface DemoLanding {
  organization: { name: string; timezone: string };
  signIn: { email: string; password: string };
  candidateLinks: Array<{ label: string; noticeClass?: string; hoursAhead?: number; url: string; candidateName?: string; candidateTimezone?: string }>;
  offerLinks?: Array<{ label: string; url: string }>;
}

function useDemo() {
  return useQuery({
    queryKey: ['demo'],
    queryFn: async () => {
      try {
        return await api.get<DemoLanding>('/api/v1/demo');
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    staleTime: Infinity,
  });
}

/** A link printed by the server is absolute; inside the app it is followed as a path. */
function pathOf(url: string): string {
  try {
    const parsed = new URL(url, window.location.origin);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}

export function LandingPage() {
  useTitle('Interview scheduling that handles change');
  const demo = useDemo();
  const signIn = useSignIn();
  const [, navigate] = useLocation();
  const credentials = demo.data?.signIn;

  return (
    <main id="main" className="narrow landing">
      <h1>Leeway</h1>
      <p className="lead">
        Interview scheduling in which cancelling, rescheduling and declining are first-class, for candidates and employers alike.
      </p>

      <section aria-labelledby="recruiters">
        <h2 id="recruiters">Recruiters</h2>
        {credentials ? (
          <>
            <p>
              This server runs the demo organization <strong>{demo.data?.organization.name}</strong>. Sign in as its recruiter:
            </p>
            <dl className="credentials">
              <dt>Email</dt>
              <dd>
                <code>{credentials.email}</code>
              </dd>
              <dt>Password</dt>
              <dd>
                <code>{credentials.password}</code>
              </dd>
            </dl>
            <button
              type="button"
              className="primary"
              disabled={signIn.isPending}
              onClick={() => signIn.mutate(credentials, { onSuccess: () => navigate('/dashboard') })}
            >
              {signIn.isPending ? 'Signing in…' : 'Sign in as the demo recruiter'}
            </button>
            <ProblemMessage error={signIn.error} />
          </>
        ) : (
          <p>
            <Link href="/sign-in">Sign in to the dashboard</Link> with the email and password your administrator gave you.
          </p>
        )}
      </section>

      {demo.data && demo.data.candidateLinks.length > 0 && (
        <section aria-labelledby="candidates">
          <h2 id="candidates">Candidates</h2>
          <p>{candidateLinksIntro(missingNoticeDistances(demo.data.candidateLinks))}</p>
          <ul className="link-list">
            {demo.data.candidateLinks.map((link) => (
              <li key={link.url}>
                <Link href={pathOf(link.url)}>{link.label}</Link>
              </li>
            ))}
            {(demo.data.offerLinks ?? []).map((link) => (
              <li key={link.url}>
                <Link href={pathOf(link.url)}>{link.label}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="developers">
        <h2 id="developers">Developers</h2>
        <p>
          Everything here goes through the HTTP API: see its <a href="/openapi.json">OpenAPI document</a>.
        </p>
      </section>
      <ProblemMessage error={demo.error} />
    </main>
  );
}
