import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { LandingPage } from './landing/landing-page.tsx';
import { NotFoundPage } from './ui/not-found-page.tsx';
import { Loading } from './ui/problem.tsx';

// The candidate page and the dashboard are separate chunks: a candidate never downloads the dashboard.
const CandidateApp = lazy(() => import('./candidate/candidate-app.tsx'));
const DashboardApp = lazy(() => import('./dashboard/dashboard-app.tsx'));
const SignInPage = lazy(() => import('./dashboard/sign-in-page.tsx'));

export function App() {
  return (
    <Suspense fallback={<Loading what="the page" />}>
      <Switch>
        <Route path="/" component={LandingPage} />
        <Route path="/sign-in" component={SignInPage} />
        <Route path="/c/:token">{(params) => <CandidateApp token={params.token} />}</Route>
        <Route path="/dashboard" nest>
          <DashboardApp />
        </Route>
        <Route component={NotFoundPage} />
      </Switch>
    </Suspense>
  );
}
