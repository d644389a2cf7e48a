import { useSearchParams } from 'wouter';
import type { Interview } from '../../api/interview-types.ts';
import { zoneLabel } from '../../ui/format-time.ts';
import { Loading, ProblemMessage } from '../../ui/problem.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { useOrganization } from '../shared/use-organization.ts';
import { isCalledOff } from '../shared/vocabulary.ts';
import { timedInterviews } from './week-rows.ts';
import type { WeekGrouping } from './week-rows.ts';
import { addDays, isDate, longDayLabel, mondayOf, startOfDay, todayIn, weekDays } from './week-dates.ts';
import { EmptyWeek } from './next-interview.tsx';
import { useWeekInterviews } from './use-week-interviews.ts';
import { WeekControls } from './week-controls.tsx';
import { WeekDayList } from './week-day-list.tsx';
import { WeekFilter } from './week-filter.tsx';
import { WeekGrid } from './week-grid.tsx';

/** "3 interviews (1 called off)": called-off ones are listed but hold nobody's time. */
function countText(interviews: Interview[]): string {
  const off = interviews.filter((i) => isCalledOff(i.status)).length;
  const total = interviews.length === 1 ? '1 interview' : `${interviews.length} interviews`;
  return off > 0 ? `${total} (${off} called off)` : total;
}

/** The week's interviews per interviewer or per opening, in the organization's zone. */
export default function WeekPage() {
  useTitle('The week');
  const organization = useOrganization();
  if (organization.isPending) return <Loading what="the organization" />;
  if (organization.error) return <ProblemMessage error={organization.error} />;
  return <Week zone={organization.data.timezone} />;
}

function Week({ zone }: { zone: string }) {
  // The week and grouping live in the address, so a reload or a shared link shows the same view.
  const [params, setParams] = useSearchParams();
  const today = todayIn(zone);
  const requested = params.get('week');
  const monday = mondayOf(isDate(requested) ? requested : today);
  const grouping: WeekGrouping = params.get('by') === 'opening' ? 'opening' : 'interviewer';
  const days = weekDays(monday);
  const from = startOfDay(monday, zone);
  const to = startOfDay(addDays(monday, 7), zone);
  // One interviewer's or one opening's week, when chosen; the filter follows the grouping.
  const only = params.get('only') ?? '';
  const filter = grouping === 'interviewer' ? { memberId: only || undefined } : { openingId: only || undefined };
  const interviews = useWeekInterviews(from, to, filter);

  const update = (next: { week?: string; by?: WeekGrouping; only?: string }) =>
    setParams((current) => {
      const copy = new URLSearchParams(current);
      if (next.week !== undefined) copy.set('week', next.week);
      if (next.by !== undefined) {
        copy.set('by', next.by);
        copy.delete('only');
      }
      if (next.only !== undefined) {
        if (next.only) copy.set('only', next.only);
        else copy.delete('only');
      }
      return copy;
    });

  const timed = interviews.data ? timedInterviews(interviews.data) : [];
  return (
    <>
      <h1>The week</h1>
      <p className="zone-note">
        All times are in <strong>{zoneLabel(zone)} time</strong> ({zone}), the organization’s zone;{' '}
        {grouping === 'interviewer' ? 'each interviewer’s own zone is noted beside their name.' : 'rows by interviewer note each interviewer’s own zone.'}
      </p>
      <WeekControls
        grouping={grouping}
        onGrouping={(by) => update({ by })}
        onWeek={(step) => update({ week: step === 0 ? mondayOf(today) : addDays(monday, 7 * step) })}
        isThisWeek={monday === mondayOf(today)}
        filter={<WeekFilter grouping={grouping} value={only} onChange={(id) => update({ only: id })} />}
      />
      <p className="week-label" aria-live="polite">
        {longDayLabel(monday)} to {longDayLabel(days[6]!)}
        {interviews.data && ` · ${countText(timed)}`}
      </p>
      {interviews.isPending && <Loading what="the week’s interviews" />}
      {interviews.error && <ProblemMessage error={interviews.error} />}
      {interviews.data &&
        (timed.length === 0 ? (
          <EmptyWeek zone={zone} only={filter} />
        ) : (
          <>
            <WeekGrid interviews={timed} days={days} today={today} zone={zone} grouping={grouping} only={only} />
            <WeekDayList interviews={timed} days={days} today={today} zone={zone} />
          </>
        ))}
    </>
  );
}
