import { ApiError } from '../api/client.ts';
import { isOfferView } from '../api/candidate-types.ts';
import { Loading, ProblemMessage } from '../ui/problem.tsx';
import { useTitle } from '../ui/use-title.ts';
import { InterviewPage } from './interview-page.tsx';
import { OfferPage } from './offer/offer-page.tsx';
import { useLinkView } from './use-link.ts';
import './candidate.css';

/**
 * The candidate's page behind the private link in their messages: their interview and what they can do
 * about it, or a waitlist offer of freed time. No account: the token in the address is the credential.
 */
export default function CandidateApp({ token }: { token: string }) {
  const view = useLinkView(token);
  return (
    <main id="main" className="narrow candidate">
      {view.isPending ? (
        <Loading what="your interview" />
      ) : view.isError ? (
        <LinkProblem error={view.error} />
      ) : isOfferView(view.data) ? (
        <OfferPage token={token} offer={view.data.offer} />
      ) : (
        <InterviewPage token={token} view={view.data} />
      )}
    </main>
  );
}

function LinkProblem({ error }: { error: unknown }) {
  const missing = error instanceof ApiError && error.status === 404;
  useTitle(missing ? 'Link not valid' : 'Your interview');
  return (
    <>
      <h1>{missing ? 'This link is not valid' : 'Your interview could not be loaded'}</h1>
      <ProblemMessage error={error} />
    </>
  );
}
