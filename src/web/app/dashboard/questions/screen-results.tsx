import { FocusHeading } from '../../ui/focus-heading.tsx';
import type { ScreenedQuestion, Verdict } from './screen-types.ts';
import { ScreenedQuestionCard } from './screened-question.tsx';

function count(results: ScreenedQuestion[], verdict: Verdict): number {
  return results.filter((r) => r.verdict === verdict).length;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The verdicts of a kit, the ones to change first. */
export function ScreenResults({ results }: { results: ScreenedQuestion[] }) {
  const unlawful = count(results, 'unlawful');
  const risky = count(results, 'risky');
  const ok = count(results, 'ok');
  // Unlawful first, then risky, then the rest, each group in the kit's own order.
  const order: Verdict[] = ['unlawful', 'risky', 'ok'];
  const sorted = results
    .map((result, index) => ({ result, index }))
    .sort((a, b) => order.indexOf(a.result.verdict) - order.indexOf(b.result.verdict) || a.index - b.index);

  return (
    <section aria-labelledby="screen-results">
      <FocusHeading id="screen-results">Results</FocusHeading>
      <p>
        {plural(results.length, 'question')} screened: {unlawful} unlawful, {risky} risky, {ok} fine to ask.
        {unlawful + risky > 0 ? ' Change the flagged questions before the interview.' : ' Nothing to change.'}
      </p>
      <ol className="screened-list">
        {sorted.map(({ result, index }) => (
          <ScreenedQuestionCard key={index} result={result} index={index} />
        ))}
      </ol>
    </section>
  );
}
