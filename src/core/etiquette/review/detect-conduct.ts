import type { AnalysedText, TextSentence } from '../nlp/analyse-text.ts';
import { findPhrases, isNegated } from '../nlp/match-phrases.ts';
import type { PhraseMatch } from '../nlp/match-phrases.ts';
import type { ComposeKind, Finding } from '../types.ts';
import { callingOffSentences } from './detect-reason.ts';
import {
  BLAMED_PARTIES,
  BLAMED_PEOPLE,
  CONDUCT_WORDS,
  DEROGATORY,
  DEROGATORY_EXCEPTIONS,
  FAULT_WORDS,
  GRATITUDE,
  IRONIC_PRAISE,
  OTHER_PARTIES,
  OVERSHARING,
  OWNED_FAULT,
  PEOPLE_FAULTS,
  REPORTING_A_QUESTION,
  SARCASM,
  SELF_PARTIES,
  SELF_WORDS,
  TIME_WORDS,
} from './lexicon.ts';

/**
 * Medical, mental-health and family details beyond a category. A sentence that reports what an
 * interviewer asked ("I was asked whether I am pregnant") is the writer's concern, not oversharing.
 *
 * @example
 * findOversharing(analyseText('My doctor found a lump and I have a biopsy.'))[0]?.code // 'oversharing'
 */
export function findOversharing(text: AnalysedText): Finding[] {
  const findings: Finding[] = [];
  for (const sentence of text.sentences) {
    if (findPhrases(sentence, REPORTING_A_QUESTION).length > 0) continue;
    const details = findPhrases(sentence, OVERSHARING);
    const first = details[0];
    const last = details[details.length - 1];
    if (!first || !last) continue;
    findings.push({
      code: 'oversharing',
      severity: 'warn',
      message: `"${text.text.slice(first.start, last.end)}" is private detail: the category of the reason is enough.`,
      start: first.start,
      end: last.end,
      suggestion: 'Name the category only, e.g. "because of a medical matter" or "because of a family emergency".',
    });
  }
  return findings;
}

/**
 * Ironic praise (`IRONIC_PRAISE`) in a draft that calls something off, in a sentence that thanks nobody
 * outside the praise itself: "Really shows how much you value people's time. Please withdraw me."
 */
export function findIronicPraise(text: AnalysedText): PhraseMatch[] {
  if (callingOffSentences(text).length === 0) return [];
  return text.sentences.flatMap((sentence) => {
    const praise = findPhrases(sentence, IRONIC_PRAISE);
    const inside = (m: PhraseMatch): boolean => praise.some((p) => m.first >= p.first && m.first <= p.last + 3);
    return findPhrases(sentence, GRATITUDE).some((m) => !inside(m)) ? [] : praise;
  });
}

/** Targets inside a sentence, minus day and month names (which wink tags as proper nouns). */
function targetsIn(sentence: TextSentence): PhraseMatch[] {
  const times = findPhrases(sentence, TIME_WORDS);
  return findPhrases(sentence, OTHER_PARTIES).filter((t) => !times.some((m) => m.first === t.first));
}

const CLAUSE_BREAKS = new Set([',', ';', ':', '-', '–', '—', '(', ')']);
const OWN_WORDS = new Set(['i', 'my', 'our', 'we', 'myself']);

/**
 * True when the clause holding word `index` is about the writer's own affairs ("I know my own house move
 * was chaos") and names nobody else: a target in another clause ("say hello to the team") is not what
 * the word is aimed at.
 */
function ownClause(sentence: TextSentence, index: number, targets: readonly PhraseMatch[]): boolean {
  const word = sentence.words[index];
  if (!word) return false;
  let from = sentence.start;
  let to = sentence.end;
  for (const token of sentence.tokens) {
    if (!CLAUSE_BREAKS.has(token.value)) continue;
    if (token.end <= word.start) from = Math.max(from, token.end);
    else if (token.start >= word.end) to = Math.min(to, token.start);
  }
  const inClause = (i: number): boolean => {
    const w = sentence.words[i];
    return w !== undefined && w.start >= from && w.end <= to;
  };
  const own = sentence.words.some((w, i) => i < index && inClause(i) && OWN_WORDS.has(w.normal));
  return own && !targets.some((t) => inClause(t.first));
}

function speaksOfSelf(sentence: TextSentence, index: number): boolean {
  for (let i = index - 1; i >= Math.max(0, index - 3); i--) {
    if (SELF_WORDS.has(sentence.words[i]?.normal ?? '')) return true;
  }
  return false;
}

/**
 * Derogatory words aimed at someone: the employer, a previous employer, colleagues or the process.
 * "The traffic was terrible" has no target and "I feel awful" is about the writer: neither is flagged.
 *
 * @example
 * findBadmouthing(analyseText('My last boss was an idiot.'), 'candidate_decline')[0]?.severity // 'error'
 */
export function findBadmouthing(text: AnalysedText, kind: ComposeKind): Finding[] {
  const findings: Finding[] = [];
  const ironic = findIronicPraise(text);
  for (const sentence of text.sentences) {
    const targets = targetsIn(sentence);
    const ownDoing = findPhrases(sentence, DEROGATORY_EXCEPTIONS);
    const aimed = findPhrases(sentence, DEROGATORY).filter((match) => {
      if (isNegated(match) || speaksOfSelf(sentence, match.first)) return false;
      if (ownDoing.some((m) => match.first >= m.first && match.first <= m.last)) return false;
      const head = sentence.words[match.first]?.normal ?? '';
      // Ending an interview for disrespect is legitimate; naming the conduct in that follow-up is not badmouthing.
      if (kind === 'candidate_end_early_followup' && CONDUCT_WORDS.has(head)) return false;
      if (ownClause(sentence, match.first, targets)) return false;
      return targets.some((t) => t.first < match.first || t.first > match.last);
    });
    // Sarcasm is aimed at the reader by its very form ("thanks for nothing"): no target needed.
    aimed.push(...findPhrases(sentence, SARCASM).filter((m) => !isNegated(m)));
    aimed.push(...ironic.filter((m) => m.sentence === sentence));
    aimed.sort((a, b) => a.first - b.first);
    const first = aimed[0];
    const last = aimed[aimed.length - 1];
    if (!first || !last) continue;
    // One finding per sentence: "a dysfunctional mess" is one remark, not two.
    const words = aimed.map((m) => text.text.slice(m.start, m.end)).join('", "');
    findings.push({
      code: 'badmouthing',
      severity: 'error',
      message: `"${words}" runs down an employer, a team or the process; it reflects on the writer, not on them.`,
      start: first.start,
      end: last.end,
      suggestion: 'Leave the criticism out, or keep to the neutral reason: "the role is not the right fit for me".',
    });
  }
  return findings;
}

function isSubjectYou(sentence: TextSentence, index: number): boolean {
  const next = sentence.words[index + 1];
  return sentence.words[index]?.normal === 'you' && (next?.pos === 'VERB' || next?.pos === 'AUX');
}

/** The nearest party to a word among `parties`: before it first, then up to four words after it. */
function nearestParty(sentence: TextSentence, index: number, parties: Parameters<typeof findPhrases>[1] = BLAMED_PARTIES): 'other' | 'self' | undefined {
  const others = findPhrases(sentence, parties).map((m) => m.first);
  const selves = findPhrases(sentence, SELF_PARTIES).map((m) => m.first);
  sentence.words.forEach((_, i) => {
    if (isSubjectYou(sentence, i)) others.push(i);
  });
  const side = (i: number): 'other' | 'self' | undefined => (others.includes(i) ? 'other' : selves.includes(i) ? 'self' : undefined);
  for (let i = index - 1; i >= 0; i--) {
    const found = side(i);
    if (found) return found;
  }
  for (let i = index + 1; i <= Math.min(sentence.words.length - 1, index + 4); i++) {
    const found = side(i);
    if (found) return found;
  }
  return undefined;
}

/**
 * Putting a mistake on the other side ("your recruiter put the wrong date"), or pinning slowness, disorder
 * or incompetence on the other side's people ("your recruiter is slow too"). Owning it ("a scheduling
 * error on our side", "my mistake", "I was slow to reply") is the opposite of blame.
 *
 * @example
 * findBlame(analyseText('Your recruiter put the wrong date in the invitation.'))[0]?.code // 'blame'
 */
export function findBlame(text: AnalysedText): Finding[] {
  const findings: Finding[] = [];
  for (const sentence of text.sentences) {
    if (findPhrases(sentence, OWNED_FAULT).length > 0) continue;
    const parties = findPhrases(sentence, BLAMED_PARTIES);
    // "Nobody told me", "because of you": the phrase names its culprit itself.
    const namesCulprit = (m: PhraseMatch): boolean => parties.some((p) => p.first >= m.first && p.first <= m.last) || sentence.words.slice(m.first, m.last + 1).some((w) => w.normal === 'you');
    // "pass on her thanks to your recruiter" is thanks, not "thanks to you(r)" meaning "because of you".
    const passedOnThanks = (m: PhraseMatch): boolean =>
      sentence.words[m.first]?.normal === 'thanks' && ['PRON', 'DET'].includes(sentence.words[m.first - 1]?.pos ?? '');
    // "my old office", "our wrong date": the writer's own.
    const ownedHere = (m: PhraseMatch): boolean => ['my', 'our'].includes(sentence.words[m.first - 1]?.normal ?? '');
    const fault =
      findPhrases(sentence, FAULT_WORDS).find(
        (m) => !isNegated(m) && !passedOnThanks(m) && !ownedHere(m) && (namesCulprit(m) || nearestParty(sentence, m.first) === 'other'),
      ) ??
      // Slowness, disorder, incompetence: a fault of the other side's people, not of the traffic or the writer.
      findPhrases(sentence, PEOPLE_FAULTS).find((m) => !isNegated(m) && !ownedHere(m) && nearestParty(sentence, m.first, BLAMED_PEOPLE) === 'other');
    if (!fault) continue;
    findings.push({
      code: 'blame',
      severity: 'warn',
      message: 'This sentence puts the fault on the other side; a message that assigns blame is remembered for it.',
      start: sentence.start,
      end: sentence.end,
      suggestion: 'State the fact without a culprit: "the invitation shows a date I cannot make".',
    });
  }
  return findings;
}
