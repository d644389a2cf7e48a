import { useTitle } from '../../ui/use-title.ts';

export default function OpeningsPage() {
  useTitle('Openings');
  return <h1>Openings</h1>;
}
