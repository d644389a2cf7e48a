import { useTitle } from '../../ui/use-title.ts';

export default function AnalyticsPage() {
  useTitle('Analytics');
  return <h1>Analytics</h1>;
}
