import { useTitle } from '../../ui/use-title.ts';

export default function WeekPage() {
  useTitle('The week');
  return <h1>The week</h1>;
}
