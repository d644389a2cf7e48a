import type { ScreenedQuestion } from './screen-types.ts';
import { VerdictBadge } from './verdict-badge.tsx';

/** "national_origin" → "national origin": the API's topic codes, read aloud. */
function topicName(topic: string): string {
  return topic.replace(/_/g, ' ');
}

/** One question of the kit with the screen's verdict, the protected topics it touches and what to ask instead. */
export function ScreenedQuestionCard({ result, index }: { result: ScreenedQuestion; index: number }) {
  const headingId = `question-${index}`;
  return (
    <li className={`card screened ${result.verdict}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="screened-question">
        <span className="visually-hidden">Question {index + 1}: </span>
        {result.question}
      </h3>
      <p className="row">
        <VerdictBadge verdict={result.verdict} />
        {result.topics.length > 0 && <span>Topics: {result.topics.map(topicName).join(', ')}</span>}
      </p>
      <p>{result.explanation}</p>
      {result.suggestion && (
        <p className="rephrasing">
          <strong>Lawful rephrasing: </strong>
          {result.suggestion}
        </p>
      )}
    </li>
  );
}
