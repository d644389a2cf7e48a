/**
 * The CalDAV side of reading a member's calendar (RFC 4791): the `calendar-query` REPORT asking for every
 * event overlapping a window, with its calendar data, and the reading of the 207 Multi-Status answer.
 */

/** `20261201T120000Z`: the form CalDAV time ranges take. */
function utcStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * The REPORT body: VEVENTs overlapping `[from, to)`, whole objects (the server does not expand
 * recurrences for us; the core does, the same way for feeds and CalDAV).
 */
export function calendarQueryBody(window: { from: number; to: number }): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">',
    '  <D:prop><D:getetag/><C:calendar-data/></D:prop>',
    '  <C:filter>',
    '    <C:comp-filter name="VCALENDAR">',
    '      <C:comp-filter name="VEVENT">',
    `        <C:time-range start="${utcStamp(window.from)}" end="${utcStamp(window.to)}"/>`,
    '      </C:comp-filter>',
    '    </C:comp-filter>',
    '  </C:filter>',
    '</C:calendar-query>',
    '',
  ].join('\n');
}

/** A PROPFIND body asking what a collection is: a calendar says so in its `resourcetype`. */
export const RESOURCETYPE_BODY = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<D:propfind xmlns:D="DAV:"><D:prop><D:resourcetype/></D:prop></D:propfind>',
  '',
].join('\n');

/**
 * Whether a PROPFIND answer names a calendar collection (`<C:calendar/>` in its resourcetype). A
 * calendar-query sent to a principal or a plain collection is answered with an empty multistatus, as an
 * empty calendar would be; this tells the two apart.
 *
 * @throws {MultistatusError} when the body is not a DAV multistatus.
 */
export function isCalendarCollection(xml: string): boolean {
  if (!/<(?:[\w.-]+:)?multistatus[\s>/]/.test(xml)) throw new MultistatusError('The answer is not a DAV multistatus.');
  return elements(xml, 'resourcetype').some((types) => elements(types, 'calendar').length > 0);
}

export class MultistatusError extends Error {
  override readonly name = 'MultistatusError';
}

/**
 * The calendar objects of a Multi-Status answer: the text of every `calendar-data` in a `propstat`
 * whose status is 200. Namespace prefixes vary by server, so elements are matched by local name; CDATA
 * and the five XML entities (and numeric references) are decoded.
 *
 * @throws {MultistatusError} when the body is not a DAV multistatus.
 */
export function readCalendarObjects(xml: string): string[] {
  if (!/<(?:[\w.-]+:)?multistatus[\s>/]/.test(xml)) throw new MultistatusError('The answer is not a DAV multistatus.');
  const objects: string[] = [];
  for (const propstat of elements(xml, 'propstat')) {
    const status = elements(propstat, 'status')[0] ?? '';
    if (!/\s200\s/.test(` ${decodeXmlText(status)} `)) continue;
    for (const data of elements(propstat, 'calendar-data')) {
      const text = decodeXmlText(data).trim();
      if (text !== '') objects.push(text);
    }
  }
  return objects;
}

/** The inner text of every element with this local name, whatever its prefix. */
function elements(xml: string, localName: string): string[] {
  const name = localName.replace(/[-.]/g, '\\$&');
  const pattern = new RegExp(`<((?:[\\w.-]+:)?${name})(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</\\1\\s*>)`, 'g');
  return [...xml.matchAll(pattern)].map((match) => match[2] ?? '');
}

function decodeXmlText(text: string): string {
  return text.replace(/<!\[CDATA\[([\s\S]*?)\]\]>|&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_all, cdata: string | undefined, entity: string | undefined) => {
    if (cdata !== undefined) return cdata;
    switch (entity) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(entity!.startsWith('#x') ? parseInt(entity!.slice(2), 16) : parseInt(entity!.slice(1), 10));
    }
  });
}
