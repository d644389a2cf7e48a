import { classifyNotice, describeSpan } from '../../notice-policy.ts';
import type { NoticeClass } from '../../types.ts';
import { parseInstant } from '../instant.ts';
import { readNoticePolicy } from '../notice.ts';
import type { AnalysedText } from '../nlp/analyse-text.ts';
import { findPhrasesInText, isNegated } from '../nlp/match-phrases.ts';
import type { Finding, ReviewContext } from '../types.ts';
import { CALL_VERBS, OTHER_CHANNEL } from './lexicon.ts';

const NEGATORS = new Set(['not', 'no', 'never']);
/** Words after which "call" or "ring" is the writer's verb, whatever the tagger says. */
const VERB_LEADS = new Set(['i', 'we', 'ill', 'will', 'to', 'shall']);

/**
 * Whether the writer says they phoned or will phone ("I am calling you as well", "I left a voicemail").
 * A "video call" is the interview's format, not a second channel.
 */
export function mentionsPhoneCall(text: AnalysedText): boolean {
  if (findPhrasesInText(text.sentences, OTHER_CHANNEL).some((m) => !isNegated(m))) return true;
  return text.sentences.some((sentence) =>
    sentence.words.some((word, i) => {
      if (!CALL_VERBS.has(word.normal)) return false;
      const previous = sentence.words[i - 1]?.normal ?? '';
      // Unpunctuated "ill ring you" is "I'll ring you"; after a pronoun or "to", "ring" is a verb.
      if (word.pos === 'NOUN' && !VERB_LEADS.has(previous)) return false;
      const before = sentence.words.slice(Math.max(0, i - 6), i).map((w) => w.normal);
      const writer = before.includes('i') || before.includes('we') || previous === 'ill';
      return writer && !before.some((w) => NEGATORS.has(w));
    }),
  );
}

/** The notice a review is judged against, when the context carries both instants: its class under the policy and the time left. */
export function noticeOf(context: ReviewContext | undefined): { class: NoticeClass; msLeft: number } | undefined {
  if (!context?.now || !context.interviewStart) return undefined;
  const at = parseInstant(context.now, 'context.now');
  const start = parseInstant(context.interviewStart, 'context.interviewStart');
  const policy = readNoticePolicy(context.noticePolicy, 'context.noticePolicy');
  return { class: classifyNotice({ at, start, policy }).class, msLeft: start.getTime() - at.getTime() };
}

/**
 * Notice findings: at short notice under the policy (`late`), an email alone is not enough (`call_instead`); at or after the start the
 * message is late by definition (`after_start`), and without an apology that is an error.
 *
 * @example
 * findNoticeProblems(analyseText('Cannot come.'), { now: '2026-12-10T08:00:00Z', interviewStart: '2026-12-10T15:00:00Z' }, false)
 * // [{ code: 'call_instead', ... }]
 */
export function findNoticeProblems(text: AnalysedText, context: ReviewContext | undefined, apologises: boolean): Finding[] {
  const notice = noticeOf(context);
  if (notice?.class === 'late' && !context?.calledAhead && !mentionsPhoneCall(text)) {
    return [
      {
        code: 'call_instead',
        severity: 'warn',
        message: `The interview is ${describeSpan(notice.msLeft)} away, which is short notice: an email alone may not be read in time.`,
        suggestion: 'Phone the coordinator first, then send this as the written confirmation ("as I said on the phone…").',
      },
    ];
  }
  if (notice?.class === 'missed') {
    return [
      {
        code: 'after_start',
        // An apology and a phone call are all a late message can still do; without the apology it is an error.
        severity: !apologises ? 'error' : context?.calledAhead || mentionsPhoneCall(text) ? 'info' : 'warn',
        message: apologises
          ? 'The interview has already started; the apology is there — call as well if you can.'
          : 'The interview has already started and the message does not apologise.',
        suggestion: 'Open with an apology for missing the start, then the reason and a request for another chance.',
      },
    ];
  }
  return [];
}
