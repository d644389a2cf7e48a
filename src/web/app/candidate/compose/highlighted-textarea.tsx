import { useRef } from 'react';
import type { Finding } from '../../api/candidate-types.ts';

/** The text split at the findings' spans, for the backdrop that marks them under the textarea. */
function segments(text: string, findings: Finding[]): Array<{ text: string; severity?: Finding['severity'] }> {
  const spans = findings
    .filter((f) => f.start !== undefined && f.end !== undefined && f.end > f.start && f.end <= text.length)
    .sort((a, b) => a.start! - b.start!);
  const parts: Array<{ text: string; severity?: Finding['severity'] }> = [];
  let at = 0;
  for (const span of spans) {
    if (span.start! < at) continue; // overlapping spans: the first one is marked
    if (span.start! > at) parts.push({ text: text.slice(at, span.start) });
    parts.push({ text: text.slice(span.start, span.end), severity: span.severity });
    at = span.end!;
  }
  parts.push({ text: text.slice(at) });
  return parts;
}

/**
 * A plain textarea with the reviewer's findings marked in place: a backdrop with the same text, font and
 * wrapping sits behind it and highlights the flagged spans. The backdrop is decoration (aria-hidden); the
 * findings themselves are listed in words next to it. Spans are only drawn for the text they were found
 * in, so a highlight never lands on words typed since.
 */
export function HighlightedTextarea({
  id,
  value,
  onChange,
  findings,
  reviewedText,
  describedBy,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  findings: Finding[];
  reviewedText: string | null;
  describedBy?: string;
}) {
  const backdrop = useRef<HTMLDivElement>(null);
  const marked = reviewedText === value ? segments(value, findings) : [{ text: value }];
  return (
    <div className="highlight-box">
      <div className="highlight-backdrop" ref={backdrop} aria-hidden="true">
        {marked.map((part, index) =>
          part.severity ? (
            <mark key={index} className={`finding-${part.severity}`}>
              {part.text}
            </mark>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
        {'\n'}
      </div>
      <textarea
        id={id}
        value={value}
        rows={12}
        maxLength={5000}
        spellCheck
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
        onScroll={(event) => {
          if (backdrop.current) backdrop.current.scrollTop = event.currentTarget.scrollTop;
        }}
      />
    </div>
  );
}
