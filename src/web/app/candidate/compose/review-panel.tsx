import type { DraftReview, Finding, MessageElement } from '../../api/candidate-types.ts';
import { ProblemMessage } from '../../ui/problem.tsx';

const ELEMENT: Record<MessageElement, string> = {
  gratitude: 'Thanks them for the opportunity and their time',
  reason: 'Gives a brief reason',
  apology: 'Apologises for the inconvenience',
  alternative: 'Offers an alternative',
  keepDoorOpen: 'Keeps the door open',
  referral: 'Refers someone',
};

const ORDER = Object.keys(ELEMENT) as MessageElement[];

const SEVERITY: Record<Finding['severity'], string> = { error: 'Fix this', warn: 'Worth a look', info: 'A thought' };

/** The elements worth checking: those the composer wrote and those the reviewer found or missed. */
function checkedElements(review: DraftReview, expected: MessageElement[]): MessageElement[] {
  const missing = new Set(review.findings.map((f) => f.code.replace(/^missing_/, '')));
  return ORDER.filter((e) => expected.includes(e) || review.elements[e] || missing.has(e));
}

/**
 * The reviewer's answer in words: which elements of a considerate message are there, and each finding
 * with the words it is about and what to do instead. The summary line is announced as it changes.
 */
export function ReviewPanel({
  id,
  review,
  text,
  reviewedText,
  checking,
  error,
  expected,
}: {
  id: string;
  review: DraftReview | null;
  text: string;
  /** The text the review was made of: quotes come from it, not from words typed since. */
  reviewedText: string | null;
  checking: boolean;
  error: unknown;
  expected: MessageElement[];
}) {
  const elements = review ? checkedElements(review, expected) : [];
  const present = elements.filter((e) => review?.elements[e]).length;
  const serious = review ? review.findings.filter((f) => f.severity !== 'info').length : 0;
  return (
    <div className="review" id={id}>
      <p role="status" className="review-status">
        {checking
          ? 'Checking your message…'
          : review
            ? `Review: ${present} of ${elements.length} elements present, ${serious === 0 ? 'nothing to fix' : `${serious} thing${serious === 1 ? '' : 's'} to look at`}.`
            : text.trim() === ''
              ? 'Write your message to have it reviewed.'
              : ''}
      </p>
      {error ? <ProblemMessage error={error} /> : null}
      {review && (
        <>
          <ul className="elements" aria-label="Elements of a considerate message">
            {elements.map((element) => (
              <li key={element} className={review.elements[element] ? 'present' : 'missing'}>
                <span aria-hidden="true">{review.elements[element] ? '✓' : '○'}</span> {ELEMENT[element]}
                <span className="visually-hidden">{review.elements[element] ? ': present' : ': missing'}</span>
              </li>
            ))}
          </ul>
          {review.findings.length > 0 && (
            <ul className="findings" aria-label="Findings">
              {review.findings.map((finding, index) => (
                <li key={`${finding.code}-${index}`} className={`finding finding-${finding.severity}`}>
                  <strong>{SEVERITY[finding.severity]}:</strong> {finding.message}
                  {reviewedText !== null && finding.start !== undefined && finding.end !== undefined && finding.end <= reviewedText.length && (
                    <> — <q>{reviewedText.slice(finding.start, finding.end)}</q></>
                  )}
                  {finding.suggestion && <span className="suggestion">Suggestion: {finding.suggestion}</span>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
