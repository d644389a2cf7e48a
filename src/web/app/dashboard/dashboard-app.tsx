import { lazy, Suspense } from 'react';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { SessionProvider, useSessionQuery, useSignOut } from '../api/session.tsx';
import { NotFoundPage } from '../ui/not-found-page.tsx';
import { Loading, ProblemMessage } from '../ui/problem.tsx';

// Each view is its own chunk: charts and editors load only where they are used.
const WeekPage = lazy(() => import('./week/week-page.tsx'));
const ChangesPage = lazy(() => import('./changes/changes-page.tsx'));
const InterviewPage = lazy(() => import('./interview/interview-page.tsx'));
const OpeningsPage = lazy(() => import('./openings/openings-page.tsx'));
const OpeningPage = lazy(() => import('./openings/opening-page.tsx'));
const MailboxPage = lazy(() => import('./mailbox/mailbox-page.tsx'));
const QuestionsPage = lazy(() => import('./questions/questions-page.tsx'));
const MembersPage = lazy(() => import('./members/members-page.tsx'));
const AnalyticsPage = lazy(() => import('./analytics/analytics-page.tsx'));
const IntegrationsPage = lazy(() => import('./integrations/integrations-page.tsx'));

const NAV: Array<{ href: string; label: string }> = [
  { href: '/', label: 'Week' },
  { href: '/changes', label: 'Changes' },
  { href: '/openings', label: 'Openings' },
  { href: '/mailbox', label: 'Mailbox' },
  { href: '/questions', label: 'Question screen' },
  { href: '/members', label: 'Members' },
  { href: '/analytics', label: 'Analytics' },
  { href: '/integrations', label: 'Integrations' },
];

function NavLink({ href, label }: { href: string; label: string }) {
  const [location] = useLocation();
  const current = href === '/' ? location === '/' : location.startsWith(href);
  return (
    <Link href={href} aria-current={current ? 'page' : undefined}>
      {label}
    </Link>
  );
}

/** The signed-in recruiter's app: a session is required; without one, the sign-in page. */
export default function DashboardApp() {
  const session = useSessionQuery();
  const signOut = useSignOut();
  const [location, navigate] = useLocation();
  if (session.isPending) return <Loading what="your session" />;
  if (session.error) return <ProblemMessage error={session.error} />;
  if (!session.data) return <Redirect to={`~/sign-in?${new URLSearchParams({ next: `/dashboard${location === '/' ? '' : location}` }).toString()}`} />;

  return (
    <SessionProvider session={session.data}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Leeway</span>
        <span className="org">{session.data.organizationName}</span>
        <nav aria-label="Dashboard">
          {NAV.map((item) => (
            <NavLink key={item.href} {...item} />
          ))}
        </nav>
        <button type="button" className="link-button" onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('~/') })}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading what="the page" />}>
          <Switch>
            <Route path="/" component={WeekPage} />
            <Route path="/changes" component={ChangesPage} />
            <Route path="/interviews/:id">{(params) => <InterviewPage id={params.id} />}</Route>
            <Route path="/openings" component={OpeningsPage} />
            <Route path="/openings/:id">{(params) => <OpeningPage id={params.id} />}</Route>
            <Route path="/mailbox" component={MailboxPage} />
            <Route path="/questions" component={QuestionsPage} />
            <Route path="/members" component={MembersPage} />
            <Route path="/analytics" component={AnalyticsPage} />
            <Route path="/integrations" component={IntegrationsPage} />
            <Route component={NotFoundPage} />
          </Switch>
        </Suspense>
      </main>
    </SessionProvider>
  );
}
