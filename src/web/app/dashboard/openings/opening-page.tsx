import { useTitle } from '../../ui/use-title.ts';

export default function OpeningPage({ id }: { id: string }) {
  useTitle('Opening');
  return <h1>Opening {id}</h1>;
}
