import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { ProblemMessage } from '../../ui/problem.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { ScreenResults } from './screen-results.tsx';
import { MAX_QUESTIONS, questionsOf } from './screen-types.ts';
import type { ScreenResponse } from './screen-types.ts';

/** Screens an interview kit for questions about protected topics before anyone asks them. */
export default function QuestionsPage() {
  useTitle('Question screen');
  const [kit, setKit] = useState('');
  const [tooMany, setTooMany] = useState(false);
  const screen = useMutation({
    mutationFn: (questions: string[]) => api.post<ScreenResponse>('/api/v1/screen-questions', { questions }),
  });
  const questions = questionsOf(kit);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTooMany(questions.length > MAX_QUESTIONS);
    if (questions.length === 0 || questions.length > MAX_QUESTIONS) return;
    screen.mutate(questions);
  };

  return (
    <div className="narrow-page">
      <h1>Question screen</h1>
      <p className="lead">
        Paste or type an interview kit, one question per line. Each question is checked for protected topics (age, family
        plans, religion and the like) and flagged ones come with a lawful way to ask.
      </p>
      <form onSubmit={submit} className="stack card">
        <label>
          Interview questions, one per line
          <textarea
            value={kit}
            onChange={(e) => setKit(e.target.value)}
            rows={8}
            aria-describedby="kit-count"
            spellCheck
          />
        </label>
        <p id="kit-count" className="muted">
          {questions.length === 1 ? '1 question' : `${questions.length} questions`} (at most {MAX_QUESTIONS})
        </p>
        {tooMany && (
          <p className="problem" role="alert">
            That is {questions.length} questions; screen at most {MAX_QUESTIONS} at once.
          </p>
        )}
        <div className="row">
          <button type="submit" className="primary" disabled={screen.isPending || questions.length === 0}>
            {screen.isPending ? 'Screening…' : 'Screen questions'}
          </button>
        </div>
        <ProblemMessage error={screen.error} />
      </form>
      {screen.data && <ScreenResults key={screen.submittedAt} results={screen.data.results} />}
    </div>
  );
}
