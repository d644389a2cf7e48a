/**
 * Calendar replies shaped like the ones Outlook (Exchange) and Google Calendar send, written from RFC 5546
 * (iTIP) and RFC 6047 (iMIP): the iCalendar object, and the whole email around it as raw MIME.
 */

export interface ReplyShape {
  uid: string;
  sequence: number;
  /** The replying attendee. */
  attendee: { name: string; email: string };
  organizer: string;
  partstat?: 'ACCEPTED' | 'DECLINED' | 'TENTATIVE' | 'DELEGATED' | 'NEEDS-ACTION';
  method?: 'REPLY' | 'COUNTER' | 'REQUEST';
  /** The event's time; for a COUNTER, the time proposed. */
  start: Date;
  end: Date;
  dtstamp: Date;
  summary?: string;
  comment?: string;
}

function utc(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Local wall-clock text in US Pacific time, for Outlook's TZID form (valid for winter dates: UTC-8). */
function pacificWinter(date: Date): string {
  return utc(new Date(date.getTime() - 8 * 3_600_000)).replace(/Z$/, '');
}

/** Outlook: METHOD:REPLY (or COUNTER), Windows time zone with its VTIMEZONE, X-MICROSOFT properties. */
export function outlookCalendar(shape: ReplyShape): string {
  const method = shape.method ?? 'REPLY';
  const partstat = shape.partstat ?? 'ACCEPTED';
  return [
    'BEGIN:VCALENDAR',
    `METHOD:${method}`,
    'PRODID:Microsoft Exchange Server 2010',
    'VERSION:2.0',
    'BEGIN:VTIMEZONE',
    'TZID:Pacific Standard Time',
    'BEGIN:STANDARD',
    'DTSTART:16010101T020000',
    'TZOFFSETFROM:-0700',
    'TZOFFSETTO:-0800',
    'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=11',
    'END:STANDARD',
    'BEGIN:DAYLIGHT',
    'DTSTART:16010101T020000',
    'TZOFFSETFROM:-0800',
    'TZOFFSETTO:-0700',
    'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=2SU;BYMONTH=3',
    'END:DAYLIGHT',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    `ATTENDEE;PARTSTAT=${method === 'COUNTER' ? 'TENTATIVE' : partstat};CN=${shape.attendee.name}:mailto:${shape.attendee.email}`,
    ...(shape.comment ? [`COMMENT;LANGUAGE=en-US:${shape.comment}`] : []),
    `SUMMARY;LANGUAGE=en-US:${method === 'COUNTER' ? 'New Time Proposed' : partstat === 'DECLINED' ? 'Declined' : 'Accepted'}: ${shape.summary ?? 'Interview'}`,
    `DTSTART;TZID=Pacific Standard Time:${pacificWinter(shape.start)}`,
    `DTEND;TZID=Pacific Standard Time:${pacificWinter(shape.end)}`,
    `UID:${shape.uid}`,
    'CLASS:PUBLIC',
    'PRIORITY:5',
    `DTSTAMP:${utc(shape.dtstamp)}`,
    'TRANSP:OPAQUE',
    'STATUS:CONFIRMED',
    `SEQUENCE:${shape.sequence}`,
    'LOCATION;LANGUAGE=en-US:',
    'X-MICROSOFT-CDO-APPT-SEQUENCE:' + shape.sequence,
    'X-MICROSOFT-CDO-OWNERAPPTID:2117923364',
    'X-MICROSOFT-CDO-BUSYSTATUS:BUSY',
    'X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY',
    'X-MICROSOFT-CDO-ALLDAYEVENT:FALSE',
    'X-MICROSOFT-CDO-IMPORTANCE:1',
    'X-MICROSOFT-CDO-INSTTYPE:0',
    'X-MICROSOFT-DONOTFORWARDMEETING:FALSE',
    'X-MICROSOFT-DISALLOW-COUNTER:FALSE',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

/** Google Calendar: UTC times, ORGANIZER and one ATTENDEE with CUTYPE/ROLE/PARTSTAT/CN parameters. */
export function googleCalendar(shape: ReplyShape): string {
  const method = shape.method ?? 'REPLY';
  return [
    'BEGIN:VCALENDAR',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    'BEGIN:VEVENT',
    `DTSTART:${utc(shape.start)}`,
    `DTEND:${utc(shape.end)}`,
    `DTSTAMP:${utc(shape.dtstamp)}`,
    `ORGANIZER;CN=Acme:mailto:${shape.organizer}`,
    `UID:${shape.uid}`,
    `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=${shape.partstat ?? 'ACCEPTED'};CN=${shape.attendee.name};X-NUM-GUESTS=0:mailto:${shape.attendee.email}`,
    ...(shape.comment ? [`COMMENT:${shape.comment}`] : []),
    'CREATED:20261101T090000Z',
    'LAST-MODIFIED:' + utc(shape.dtstamp),
    'LOCATION:',
    `SEQUENCE:${shape.sequence}`,
    'STATUS:CONFIRMED',
    `SUMMARY:${shape.summary ?? 'Interview'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

function base64Lines(text: string): string {
  return (Buffer.from(text, 'utf8').toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

export interface MailEnvelope {
  from: { name: string; email: string };
  to: string;
  messageId: string;
  subject?: string;
  date?: Date;
}

/**
 * Outlook's reply email: multipart/alternative with text/plain, text/html and the `text/calendar;
 * method=REPLY` part (quoted-printable-free 8bit here), subject "Accepted: …", Exchange headers.
 * `mimeMethod` overrides the Content-Type's method parameter (null leaves it out).
 */
export function outlookReplyMail(mail: MailEnvelope, calendar: string, options: { mimeMethod?: string | null; padding?: number } = {}): string {
  const method = options.mimeMethod === undefined ? (/^METHOD:(\w+)/m.exec(calendar)?.[1] ?? 'REPLY') : options.mimeMethod;
  const boundary = '_000_DM6PR11MB1234ABCDEF_';
  const padding = options.padding ? `\r\n${'x'.repeat(options.padding)}` : '';
  return [
    `From: ${mail.from.name} <${mail.from.email}>`,
    `To: Acme <${mail.to}>`,
    `Subject: ${mail.subject ?? 'Accepted: Interview'}`,
    `Thread-Topic: ${mail.subject ?? 'Accepted: Interview'}`,
    `Date: ${(mail.date ?? new Date('2026-12-01T12:00:00Z')).toUTCString()}`,
    `Message-ID: ${mail.messageId}`,
    'Content-Language: en-US',
    'X-MS-Has-Attach:',
    'X-MS-TNEF-Correlator:',
    'X-MS-Exchange-Organization-SCL: -1',
    'X-MS-Exchange-Calendar-Series-Instance-Id: BAAAAIIA4AB0xbcQGoLgCAAAAAA=',
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset="us-ascii"',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    `${mail.subject ?? 'Accepted'}${padding}`,
    '',
    `--${boundary}`,
    'Content-Type: text/html; charset="us-ascii"',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    '<html><body><p>Accepted</p></body></html>',
    '',
    `--${boundary}`,
    `Content-Type: text/calendar; charset="utf-8"${method ? `; method=${method}` : ''}`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(calendar),
    '',
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

/**
 * Google Calendar's reply email: multipart/mixed holding multipart/alternative (text, html and the base64
 * `text/calendar; method=REPLY` part) plus the same object attached as `invite.ics` (application/ics,
 * no method parameter). Subject in Google's words.
 */
export function googleReplyMail(mail: MailEnvelope, calendar: string): string {
  const method = /^METHOD:(\w+)/m.exec(calendar)?.[1] ?? 'REPLY';
  const outer = '000000000000a1b2c3d4e5f60718';
  const inner = '000000000000a1b2c3d4e5f60717';
  return [
    'MIME-Version: 1.0',
    `Date: ${(mail.date ?? new Date('2026-12-01T12:00:00Z')).toUTCString()}`,
    `Message-ID: ${mail.messageId}`,
    `Subject: ${mail.subject ?? `Accepted: Interview @ Thu Dec 3, 2026 10am - 11am (PST) (${mail.from.email})`}`,
    `From: ${mail.from.name} <${mail.from.email}>`,
    `To: ${mail.to}`,
    `Content-Type: multipart/mixed; boundary="${outer}"`,
    '',
    `--${outer}`,
    `Content-Type: multipart/alternative; boundary="${inner}"`,
    '',
    `--${inner}`,
    'Content-Type: text/plain; charset="UTF-8"; format=flowed; delsp=yes',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(`${mail.from.name} has accepted this invitation.\n\nInvitation from Google Calendar\n`),
    `--${inner}`,
    'Content-Type: text/html; charset="UTF-8"',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    '<span>Invitation from Google Calendar</span>',
    `--${inner}`,
    `Content-Type: text/calendar; charset="UTF-8"; method=${method}`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(calendar),
    `--${inner}--`,
    '',
    `--${outer}`,
    'Content-Type: application/ics; name="invite.ics"',
    'Content-Disposition: attachment; filename="invite.ics"',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(calendar),
    `--${outer}--`,
    '',
  ].join('\r\n');
}
