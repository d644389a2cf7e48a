import { readFile } from 'node:fs/promises';
import { isDomainError } from '../core/errors.ts';
import { COMPOSE_KINDS, TONES, composeMessage, reviewDraft, screenQuestions } from '../core/etiquette/index.ts';
import type { ComposeContext, ComposeKind, ComposeResult, ReviewContext, ReviewResult, ScreenResult, Tone } from '../core/etiquette/index.ts';
import { UsageError, parseFlags } from './args.ts';
import type { CliIO } from './io.ts';
import { EXIT_OK, EXIT_USAGE } from './io.ts';

export const COMPOSE_HELP = `Usage: leeway compose KIND --context FILE|- [--tone warm|formal] [--json]

Writes a considerate message: thanks, the reason the sender gave (if any), an apology, an alternative and,
where wanted, an open door and a referral, adapted to the notice given under the organization's policy
(at short notice with a coordinatorPhone: call first; a script is included).

  KIND              ${COMPOSE_KINDS.join(', ')}
  --context FILE    JSON context, or - for standard input:
                    { candidateName, recipientName?, senderName?, companyName, roleTitle, interviewStart,
                      now, timezone, reason?, proposedTimes?, newStart?, teamTimezone?,
                      noticePolicy?: {ampleHours, adequateHours}, keepInTouch?, referral?: {name, email},
                      coordinatorPhone?, links?: {cancel?, reschedule?}, location?, videoUrl?, leaveBy? }
                    reason: the sender's own code (a candidate's for candidate_* kinds, an employer's
                    otherwise); without it no reason is stated. newStart (employer_reschedule): the
                    time the interview has already moved to.
  --tone TONE       warm (default) or formal
  --json            print { subject, body, channel, phoneScript?, elements, notice, advice }
`;

export const REVIEW_HELP = `Usage: leeway review --kind KIND [--context FILE] [--json] FILE|-

Reviews a draft: which elements it has (gratitude, reason, apology, alternative, open door, referral),
what it lacks for its kind, and what it should not say. Flagged words are marked >>>like this<<<.

  --kind KIND       ${COMPOSE_KINDS.join(', ')}
  --context FILE    optional JSON { interviewStart, now, timezone?, reason?, calledAhead?,
                    noticePolicy?: {ampleHours, adequateHours} } for notice checks
  --json            print { score, elements, findings }
  FILE              the draft, or - for standard input
`;

export const SCREEN_HELP = `Usage: leeway screen [--json] FILE|-

Screens interview questions (one a line) for protected topics under US law, with lawful rephrasings.

  --json            print { results: [{ question, verdict, topics, explanation, suggestion? }] }
  FILE              the questions, or - for standard input
`;

/** Input the user got wrong: reported on stderr with exit code 2. */
class BadInput extends Error {
  override readonly name = 'BadInput';
}

async function readSource(source: string, io: CliIO, what: string): Promise<string> {
  if (source === '-') return io.readStdin();
  try {
    return await readFile(source, 'utf8');
  } catch (error) {
    throw new BadInput(`Cannot read ${what} "${source}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

async function readJson(source: string, io: CliIO, what: string): Promise<unknown> {
  const text = await readSource(source, io, what);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new BadInput(`The ${what} is not valid JSON: ${(error as Error).message}`);
  }
}

function readObject<T>(value: unknown, what: string): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new BadInput(`The ${what} must be a JSON object.`);
  return value as T;
}

function readKind(value: string | undefined): ComposeKind {
  if (!value) throw new UsageError('A message kind is required.');
  if (!(COMPOSE_KINDS as readonly string[]).includes(value)) throw new UsageError(`Unknown kind "${value}". Kinds: ${COMPOSE_KINDS.join(', ')}.`);
  return value as ComposeKind;
}

/** Runs a command body, turning usage mistakes and invalid input into a message on stderr and exit code 2. */
async function guard(io: CliIO, help: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n\n${help}`);
      return EXIT_USAGE;
    }
    if (error instanceof BadInput || isDomainError(error, 'VALIDATION')) {
      io.stderr(`${(error as Error).message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

function printJson(io: CliIO, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

function formatComposed(result: ComposeResult): string {
  const lines = [
    `Subject: ${result.subject}`,
    `Channel: ${result.channel}${result.channel === 'phone' ? ' first (call, then send this email)' : ''}`,
    `Advice: ${result.advice}`,
    '',
    result.body,
    '',
  ];
  if (result.phoneScript) lines.push('Phone script:', ...result.phoneScript.map((line, i) => `  ${i + 1}. ${line}`), '');
  return `${lines.join('\n')}\n`;
}

/**
 * `leeway compose KIND --context FILE|- [--tone warm|formal] [--json]`
 *
 * @example
 * await composeCommand(['candidate_cancel', '--context', 'context.json'], processIO())
 */
export async function composeCommand(argv: string[], io: CliIO): Promise<number> {
  return guard(io, COMPOSE_HELP, async () => {
    const { values, positionals } = parseFlags(argv, { json: { type: 'boolean' }, tone: { type: 'string' }, context: { type: 'string' } }, true);
    if (values.help) {
      io.stdout(COMPOSE_HELP);
      return EXIT_OK;
    }
    if (positionals.length > 1) throw new UsageError(`Unexpected arguments: ${positionals.slice(1).join(' ')}`);
    const kind = readKind(positionals[0]);
    const tone = values.tone ?? 'warm';
    if (!(TONES as readonly string[]).includes(tone)) throw new UsageError(`--tone must be one of ${TONES.join(', ')}.`);
    if (!values.context) throw new UsageError('--context FILE (or - for standard input) is required.');
    const context = readObject<ComposeContext>(await readJson(values.context, io, 'context'), 'context');
    const result = composeMessage(kind, context, { tone: tone as Tone });
    if (values.json) printJson(io, result);
    else io.stdout(formatComposed(result));
    return EXIT_OK;
  });
}

/** Wraps every flagged span in >>> <<< markers; overlapping spans are merged first. */
export function markSpans(text: string, review: ReviewResult): string {
  const spans = review.findings
    .filter((f): f is typeof f & { start: number; end: number } => f.start !== undefined && f.end !== undefined && f.end > f.start)
    .map((f) => [f.start, f.end] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  let out = text;
  for (const [start, end] of merged.reverse()) out = `${out.slice(0, start)}>>>${out.slice(start, end)}<<<${out.slice(end)}`;
  return out;
}

function formatReview(text: string, review: ReviewResult): string {
  const elements = Object.entries(review.elements)
    .map(([name, present]) => `${present ? '✓' : '✗'} ${name}`)
    .join('  ');
  const findings =
    review.findings.length === 0
      ? ['  none']
      : review.findings.flatMap((f) => [
          `  [${f.severity}] ${f.code}: ${f.message}`,
          ...(f.start !== undefined && f.end !== undefined ? [`      at ${f.start}–${f.end}: "${text.slice(f.start, f.end)}"`] : []),
          ...(f.suggestion ? [`      try: ${f.suggestion}`] : []),
        ]);
  return [`Score: ${review.score}/100`, `Elements: ${elements}`, '', 'Findings:', ...findings, '', 'Draft:', markSpans(text, review), ''].join('\n');
}

/**
 * `leeway review --kind KIND [--context FILE] [--json] FILE|-`
 *
 * @example
 * await reviewCommand(['--kind', 'candidate_cancel', 'draft.txt'], processIO())
 */
export async function reviewCommand(argv: string[], io: CliIO): Promise<number> {
  return guard(io, REVIEW_HELP, async () => {
    const { values, positionals } = parseFlags(argv, { json: { type: 'boolean' }, kind: { type: 'string' }, context: { type: 'string' } }, true);
    if (values.help) {
      io.stdout(REVIEW_HELP);
      return EXIT_OK;
    }
    const kind = readKind(values.kind);
    if (positionals.length !== 1) throw new UsageError('Give one draft: a FILE, or - for standard input.');
    const source = positionals[0] ?? '-';
    const context = values.context ? readObject<ReviewContext>(await readJson(values.context, io, 'context'), 'context') : undefined;
    const text = await readSource(source, io, 'draft');
    // The reviewer's own rule: a draft of nothing but white space is no draft.
    if (text.trim() === '') throw new BadInput('The draft is empty: give the text of the message to review, in a FILE or on standard input (-).');
    const review = reviewDraft({ kind, text, ...(context ? { context } : {}) });
    if (values.json) printJson(io, review);
    else io.stdout(formatReview(text, review));
    return EXIT_OK;
  });
}

function formatScreen(result: ScreenResult): string {
  return `${result.results
    .map((r) =>
      [
        `[${r.verdict}] ${r.question}`,
        ...(r.topics.length > 0 ? [`  topics: ${r.topics.join(', ')}`] : []),
        `  why: ${r.explanation}`,
        ...(r.suggestion ? [`  instead: ${r.suggestion}`] : []),
      ].join('\n'),
    )
    .join('\n\n')}\n`;
}

/**
 * `leeway screen [--json] FILE|-` — one question a line.
 *
 * @example
 * await screenCommand(['questions.txt'], processIO())
 */
export async function screenCommand(argv: string[], io: CliIO): Promise<number> {
  return guard(io, SCREEN_HELP, async () => {
    const { values, positionals } = parseFlags(argv, { json: { type: 'boolean' } }, true);
    if (values.help) {
      io.stdout(SCREEN_HELP);
      return EXIT_OK;
    }
    if (positionals.length !== 1) throw new UsageError('Give one file of questions (one a line), or - for standard input.');
    const questions = (await readSource(positionals[0] ?? '-', io, 'questions'))
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '');
    if (questions.length === 0) throw new BadInput('No questions found: give one question a line.');
    const result = screenQuestions(questions, { jurisdiction: 'US' });
    if (values.json) printJson(io, result);
    else io.stdout(formatScreen(result));
    return EXIT_OK;
  });
}
