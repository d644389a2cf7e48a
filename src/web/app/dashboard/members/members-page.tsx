import { useState } from 'react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.ts';
import type { Member, MemberPage } from '../../api/member-types.ts';
import { FocusHeading } from '../../ui/focus-heading.tsx';
import { Loading, ProblemMessage } from '../../ui/problem.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { useOrganization } from '../shared/use-organization.ts';
import { summarizeHours } from './hours-summary.ts';
import { draftOf, inputOf, newMemberDraft } from './member-draft.ts';
import type { MemberDraft } from './member-draft.ts';
import { MemberForm } from './member-form.tsx';
import { MemberRow } from './member-row.tsx';
import { CalendarSources } from './calendar-sources.tsx';
import { ScrollTable } from '../../ui/scroll-table.tsx';
import { useFocusLater } from '../../ui/use-focus-later.ts';

const PAGE = 100;

/** What the server saved, read back from its answer. */
function savedSummary(verb: string, member: Member): string {
  const limits = [member.limits.perDay !== undefined ? `${member.limits.perDay} a day` : '', member.limits.perWeek !== undefined ? `${member.limits.perWeek} a week` : '']
    .filter(Boolean)
    .join(', ');
  return `${verb} ${member.name} (${member.role}, ${member.timezone}). Working hours: ${summarizeHours(member.workingHours).join('; ')}. Limits: ${limits || 'none'}. Pools: ${member.pools.join(', ') || 'none'}.`;
}

export default function MembersPage() {
  useTitle('Members');
  const client = useQueryClient();
  const [mode, setMode] = useState<{ kind: 'list' } | { kind: 'add' } | { kind: 'edit'; member: Member } | { kind: 'calendars'; member: Member }>({ kind: 'list' });
  const [notice, setNotice] = useState<{ heading: string; text: string } | null>(null);

  const members = useInfiniteQuery({
    queryKey: ['members'],
    queryFn: ({ pageParam }) => api.get<MemberPage>(withQuery('/api/v1/members', { limit: PAGE, cursor: pageParam })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const organization = useOrganization();
  const [headingRef, focusHeading] = useFocusLater<HTMLHeadingElement>();

  const save = useMutation({
    mutationFn: ({ draft, id }: { draft: MemberDraft; id?: string }) =>
      id ? api.patch<Member>(`/api/v1/members/${id}`, inputOf(draft)) : api.post<Member>('/api/v1/members', inputOf(draft)),
    onSuccess: (member, { id }) => {
      setNotice({ heading: id ? 'Changes saved' : 'Member added', text: savedSummary(id ? 'Saved' : 'Added', member) });
      setMode({ kind: 'list' });
      void client.invalidateQueries({ queryKey: ['members'] });
    },
  });

  const open = (next: typeof mode) => {
    save.reset();
    setNotice(null);
    setMode(next);
  };

  const list = members.data?.pages.flatMap((page) => page.members) ?? [];

  return (
    <div>
      <div className="row page-heading">
        <h1 ref={headingRef} tabIndex={-1}>
          Members
        </h1>
        {mode.kind === 'list' && (
          <button type="button" className="primary" onClick={() => open({ kind: 'add' })} disabled={!organization.data}>
            Add a member
          </button>
        )}
      </div>
      <p className="lead">Interviewers, recruiters and admins: their zone, the hours they interview in, how many interviews they take and the pools they stand in for.</p>

      {notice && (
        <div className="success org-card" role="status">
          <FocusHeading>{notice.heading}</FocusHeading>
          <p>{notice.text}</p>
        </div>
      )}

      {mode.kind === 'add' && organization.data && (
        <section className="card org-card" aria-labelledby="member-form-heading">
          <FocusHeading id="member-form-heading">Add a member</FocusHeading>
          <MemberForm
            initial={newMemberDraft(organization.data.timezone)}
            submitLabel="Add member"
            pendingLabel="Adding…"
            pending={save.isPending}
            error={save.error}
            onSubmit={(draft) => save.mutate({ draft })}
            onCancel={() => open({ kind: 'list' })}
          />
        </section>
      )}
      {mode.kind === 'edit' && (
        <section className="card org-card" aria-labelledby="member-form-heading">
          <FocusHeading id="member-form-heading">Edit {mode.member.name}</FocusHeading>
          <MemberForm
            key={mode.member.id}
            initial={draftOf(mode.member)}
            submitLabel="Save changes"
            pendingLabel="Saving…"
            pending={save.isPending}
            error={save.error}
            onSubmit={(draft) => save.mutate({ draft, id: mode.member.id })}
            onCancel={() => open({ kind: 'list' })}
          />
        </section>
      )}
      {mode.kind === 'calendars' && organization.data && (
        <CalendarSources
          key={mode.member.id}
          member={mode.member}
          zone={organization.data.timezone}
          onClose={() => {
            open({ kind: 'list' });
            focusHeading();
          }}
        />
      )}

      {members.isPending && <Loading what="members" />}
      <ProblemMessage error={members.error ?? organization.error} />
      {members.data && list.length === 0 && <p>No members yet. Add the first one.</p>}
      {list.length > 0 && (
        <ScrollTable label="Members table">
          <table className="stacked-table">
            <caption className="visually-hidden">Members, in the order they were added</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Zone</th>
                <th scope="col">Working hours (their zone)</th>
                <th scope="col">Limits</th>
                <th scope="col">Pools</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((member) => (
                <MemberRow
                  key={member.id}
                  member={member}
                  onEdit={() => open({ kind: 'edit', member })}
                  onCalendars={() => open({ kind: 'calendars', member })}
                />
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {members.hasNextPage && (
        <button type="button" onClick={() => void members.fetchNextPage()} disabled={members.isFetchingNextPage}>
          {members.isFetchingNextPage ? 'Loading…' : 'Show more members'}
        </button>
      )}
    </div>
  );
}
