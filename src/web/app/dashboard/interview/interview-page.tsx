import { useTitle } from '../../ui/use-title.ts';

export default function InterviewPage({ id }: { id: string }) {
  useTitle('Interview');
  return <h1>Interview {id}</h1>;
}
