import type { Member, MemberInput, MemberRole } from '../../api/member-types.ts';
import { WEEKDAYS } from '../../api/member-types.ts';
import { hoursDraftOf } from './working-hours-editor.tsx';
import type { HoursDraft } from './working-hours-editor.tsx';

/** A member as the form holds it: numbers and lists as the text typed, checked by the server on save. */
export interface MemberDraft {
  name: string;
  email: string;
  role: MemberRole;
  timezone: string;
  phone: string;
  bufferMinutes: string;
  perDay: string;
  perWeek: string;
  pools: string;
  hours: HoursDraft;
}

const WEEKDAYS_NINE_TO_FIVE = hoursDraftOf({ mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] });

export function newMemberDraft(zone: string): MemberDraft {
  return { name: '', email: '', role: 'interviewer', timezone: zone, phone: '', bufferMinutes: '0', perDay: '', perWeek: '', pools: '', hours: WEEKDAYS_NINE_TO_FIVE };
}

export function draftOf(member: Member): MemberDraft {
  return {
    name: member.name,
    email: member.email,
    role: member.role,
    timezone: member.timezone,
    phone: member.phone ?? '',
    bufferMinutes: String(member.bufferMinutes),
    perDay: member.limits.perDay === undefined ? '' : String(member.limits.perDay),
    perWeek: member.limits.perWeek === undefined ? '' : String(member.limits.perWeek),
    pools: member.pools.join(', '),
    hours: hoursDraftOf(member.workingHours),
  };
}

/** Blank means "none"; anything else goes to the server as a number for it to judge ("abc" stays NaN → refused there). */
function optionalNumber(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}

/** The request body: exactly what the form shows, so a saved member reads back as it was typed. */
export function inputOf(draft: MemberDraft): MemberInput {
  const perDay = optionalNumber(draft.perDay);
  const perWeek = optionalNumber(draft.perWeek);
  const buffer = optionalNumber(draft.bufferMinutes);
  return {
    name: draft.name,
    email: draft.email,
    role: draft.role,
    timezone: draft.timezone,
    phone: draft.phone.trim() === '' ? null : draft.phone,
    workingHours: Object.fromEntries(WEEKDAYS.map((day) => [day, draft.hours[day]])),
    bufferMinutes: buffer ?? 0,
    pools: draft.pools
      .split(',')
      .map((pool) => pool.trim())
      .filter((pool) => pool !== ''),
    limits: { ...(perDay !== undefined ? { perDay } : {}), ...(perWeek !== undefined ? { perWeek } : {}) },
  };
}
