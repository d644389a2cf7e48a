import type { ClaimedInterview } from '../../api/candidate-types.ts';
import { Time } from '../../ui/time.tsx';
import { useFocusOnMount } from '../use-focus-on-mount.ts';

/** The link's path only: the page stays on this origin whatever host the server wrote into the link. */
function pathOf(link: string): string {
  try {
    return new URL(link, window.location.origin).pathname;
  } catch {
    return link;
  }
}

/** The claim went through: the interview is booked, and it has a page of its own to manage it from. */
export function OfferClaimed({ interview, zone, organization }: { interview: ClaimedInterview; zone: string; organization: string }) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section className="success confirmation" aria-labelledby="claimed-heading" aria-live="polite">
      <h2 id="claimed-heading" ref={heading} tabIndex={-1}>
        This time is yours
      </h2>
      <p>
        Your interview with {organization} is booked
        {interview.start ? (
          <>
            {' '}
            for <Time iso={interview.start} zone={zone} />
          </>
        ) : null}
        .
      </p>
      {interview.outcome && <p>{interview.outcome.text}</p>}
      {interview.candidateLink && !interview.candidateLink.includes('[redacted]') ? (
        <p>
          <a href={pathOf(interview.candidateLink)}>Open your interview's page</a> to see the details, move it or cancel it.
        </p>
      ) : (
        // A repeated claim is answered without the new link (it is never stored in clear).
        <p>The link to your interview's page is in your confirmation email.</p>
      )}
    </section>
  );
}
