import { useTitle } from '../../ui/use-title.ts';

export default function ChangesPage() {
  useTitle('Changes');
  return <h1>Changes</h1>;
}
