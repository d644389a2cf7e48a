import type { AnalysedText, TextSentence } from '../nlp/analyse-text.ts';
import { findPhrases, findPhrasesInText, isNegated } from '../nlp/match-phrases.ts';
import type { Phrase, PhraseMatch } from '../nlp/match-phrases.ts';
import type { ElementPresence, Referral } from '../types.ts';
import { findIronicPraise } from './detect-conduct.ts';
import { detectReason } from './detect-reason.ts';
import type { ReasonDetection } from './detect-reason.ts';
import {
  ALTERNATIVE,
  ALTERNATIVE_EXCEPTIONS,
  APOLOGY,
  APOLOGY_EXCEPTIONS,
  GRATITUDE,
  KEEP_DOOR_OPEN,
  KEEP_DOOR_OPEN_EXCEPTIONS,
  PROPOSAL_WORDS,
  SARCASM,
  REFERRAL_DIRECT,
  REFERRAL_EXCEPTIONS,
  REFERRAL_PEOPLE,
  REFERRAL_SIGNALS,
  TIME_WORDS,
} from './lexicon.ts';

export interface ElementDetection {
  elements: ElementPresence;
  reason: ReasonDetection;
}

/** Affirmed (not negated) matches of `phrases` that no exception phrase covers. */
function affirmed(
  text: AnalysedText,
  phrases: readonly Phrase[],
  exceptions: readonly Phrase[] = [],
  reach: 'near' | 'scope' | 'own' = 'near',
): PhraseMatch[] {
  const excluded = exceptions.length > 0 ? findPhrasesInText(text.sentences, exceptions) : [];
  return findPhrasesInText(text.sentences, phrases).filter(
    (m) => !isNegated(m, reach) && !excluded.some((e) => m.start >= e.start && m.start < e.end),
  );
}

const QUESTION_OPENERS = new Set(['can', 'could', 'would', 'shall', 'may', 'might', 'how', 'what']);

/**
 * A time word offered rather than refused: "Would Monday work?", "I could do Friday", "can we do next
 * week". A time inside a negation ("I cannot come on Thursday") is not an offer.
 */
function proposesTime(sentence: TextSentence): boolean {
  const times = findPhrases(sentence, TIME_WORDS).filter((m) => !isNegated(m));
  if (times.length === 0) return false;
  if (findPhrases(sentence, PROPOSAL_WORDS).some((m) => !isNegated(m))) return true;
  // A question that names a time ("Any chance of the week after?") is an offer, however it opens.
  return sentence.text.trimEnd().endsWith('?') || QUESTION_OPENERS.has(sentence.words[0]?.normal ?? '');
}

function mentionsReferral(text: AnalysedText, referral: Referral | undefined): boolean {
  if (referral?.name && text.text.toLowerCase().includes(referral.name.toLowerCase())) return true;
  if (affirmed(text, REFERRAL_DIRECT).length > 0) return true;
  return text.sentences.some((s) => {
    // "I hope you find someone great" wishes the employer luck; it names nobody.
    const wishes = findPhrases(s, REFERRAL_EXCEPTIONS);
    const outside = (m: PhraseMatch): boolean => !wishes.some((w) => m.first >= w.first && m.first <= w.last);
    return (
      findPhrases(s, REFERRAL_PEOPLE).some((m) => !isNegated(m) && outside(m)) && findPhrases(s, REFERRAL_SIGNALS).some(outside)
    );
  });
}

/**
 * Which of the six elements of a considerate message a draft contains.
 *
 * @example
 * detectElements(analyseText('Thank you! Sorry, I have a conflict. Could we try Monday?')).elements
 * // { gratitude: true, reason: true, apology: true, alternative: true, keepDoorOpen: false, referral: false }
 */
export function detectElements(text: AnalysedText, referral?: Referral): ElementDetection {
  const reason = detectReason(text);
  // "Really shows how much you value people's time. I withdraw.": the "value … time" is irony, not thanks.
  const ironic = findIronicPraise(text);
  const within = (m: PhraseMatch, p: PhraseMatch): boolean => p.sentence === m.sentence && m.first >= p.first && m.first <= p.last + 3;
  const elements: ElementPresence = {
    // "Thanks for nothing", "shows how much you value our time": sarcasm, not thanks.
    gratitude: affirmed(text, GRATITUDE, SARCASM, 'own').some((m) => !ironic.some((p) => within(m, p))),
    reason: reason.present,
    apology: affirmed(text, APOLOGY, APOLOGY_EXCEPTIONS, 'own').length > 0,
    alternative: affirmed(text, ALTERNATIVE, ALTERNATIVE_EXCEPTIONS).length > 0 || text.sentences.some(proposesTime),
    // A refusal of future contact is usually one long negated clause, so the whole scope counts.
    keepDoorOpen: affirmed(text, KEEP_DOOR_OPEN, KEEP_DOOR_OPEN_EXCEPTIONS, 'scope').length > 0,
    referral: mentionsReferral(text, referral),
  };
  return { elements, reason };
}
