import { useTitle } from '../ui/use-title.ts';

export default function CandidateApp({ token }: { token: string }) {
  useTitle('Your interview');
  return <main id="main"><h1>Your interview</h1><p hidden>{token.length}</p></main>;
}
