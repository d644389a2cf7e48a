import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildInterviewCalendar, type BuildInterviewCalendarOptions } from './build-interview-calendar.ts';
import { summarizeCalendar } from './testing/summarize-calendar.ts';

// Each fixture is a pair: `<name>.json` holds the options and the parse we expect an independent parser to
// read, `<name>.ics` the exact bytes we write. A change in output shows up as a diff to review here.
const fixturesDir = fileURLToPath(new URL('./fixtures/', import.meta.url));
const names = readdirSync(fixturesDir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -'.json'.length))
  .sort();

interface Fixture {
  options: Omit<BuildInterviewCalendarOptions, 'start' | 'end' | 'dtstamp'> & {
    start: string;
    end: string;
    dtstamp: string;
  };
  expected: unknown;
}

function readFixture(name: string): { fixture: Fixture; ics: string } {
  return {
    fixture: JSON.parse(readFileSync(`${fixturesDir}${name}.json`, 'utf8')) as Fixture,
    ics: readFileSync(`${fixturesDir}${name}.ics`, 'utf8'),
  };
}

describe('golden fixtures', () => {
  it('has fixtures to check', () => {
    expect(names).toEqual(expect.arrayContaining(['calendar-object', 'cancel', 'request-panel', 'unicode-folding']));
  });

  describe.each(names)('%s', (name) => {
    const { fixture, ics } = readFixture(name);

    it('is written byte for byte as the .ics file', () => {
      const { options } = fixture;
      const built = buildInterviewCalendar({
        ...options,
        start: new Date(options.start),
        end: new Date(options.end),
        dtstamp: new Date(options.dtstamp),
      });
      expect(built).toBe(ics);
    });

    it('parses with ical.js to the expected values', () => {
      expect(summarizeCalendar(ics)).toEqual(fixture.expected);
    });

    it('has CRLF line endings and no line over 75 octets', () => {
      expect(ics.endsWith('\r\n')).toBe(true);
      const lines = ics.slice(0, -2).split('\r\n');
      for (const line of lines) {
        expect(line).not.toMatch(/[\r\n]/);
        expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      }
    });
  });
});
