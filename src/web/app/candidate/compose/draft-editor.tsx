import { useEffect, useRef } from 'react';
import { ApiError } from '../../api/client.ts';
import { ProblemMessage } from '../../ui/problem.tsx';
import { HighlightedTextarea } from './highlighted-textarea.tsx';
import { ReviewPanel } from './review-panel.tsx';
import { useComposedDraft, useDraftReview } from './use-draft.ts';
import type { DraftChoices } from './use-draft.ts';

/**
 * The message to the recruiting team: the composer's draft to start from (the candidate's own edits are
 * never overwritten), reviewed live as they type, with the findings marked in the text.
 */
export function DraftEditor({
  token,
  choices,
  calledAhead,
  text,
  onText,
}: {
  token: string;
  choices: DraftChoices;
  calledAhead: boolean;
  text: string;
  onText: (text: string) => void;
}) {
  const draft = useComposedDraft(token, choices);
  const edited = useRef(text !== '');
  const { review, reviewedText, checking, error } = useDraftReview(token, choices, text, calledAhead);

  useEffect(() => {
    if (draft.data && !edited.current) onText(draft.data.body);
  }, [draft.data, onText]);

  return (
    <div className="stack draft-editor">
      {draft.isLoading && <p className="loading" role="status">Writing a draft for you…</p>}
      {draft.isError &&
        (draft.error instanceof ApiError && draft.error.status === 409 ? (
          // No draft is possible here (an invitation has no time to write about yet): the server says why.
          <p className="muted">{draft.error.message} You can still write a few words yourself; they are reviewed as you type.</p>
        ) : (
          <>
            <ProblemMessage error={draft.error} />
            <p>You can write your message yourself; it is still reviewed as you type.</p>
          </>
        ))}
      {draft.data && <p className="muted">{draft.data.advice}</p>}
      <label htmlFor="draft-text">Your message (edit it as you like)</label>
      <HighlightedTextarea
        id="draft-text"
        value={text}
        onChange={(value) => {
          edited.current = true;
          onText(value);
        }}
        findings={review?.findings ?? []}
        reviewedText={reviewedText}
        describedBy="draft-review"
      />
      <ReviewPanel id="draft-review" review={review} text={text} reviewedText={reviewedText} checking={checking} error={error} expected={draft.data?.elements ?? []} />
    </div>
  );
}
