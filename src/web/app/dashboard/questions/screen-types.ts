/** POST /api/v1/screen-questions: one verdict per question, in the order asked. */
export type Verdict = 'ok' | 'risky' | 'unlawful';

export interface ScreenedQuestion {
  question: string;
  verdict: Verdict;
  topics: string[];
  explanation: string;
  suggestion?: string;
}

export interface ScreenResponse {
  results: ScreenedQuestion[];
}

/** The most the API screens at once. */
export const MAX_QUESTIONS = 200;

/** A pasted kit: one question per line, blank lines and list markers ("1.", "-", "•") dropped. */
export function questionsOf(kit: string): string[] {
  return kit
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').trim())
    .filter((line) => line !== '');
}
