import { useTitle } from '../../ui/use-title.ts';

export default function MembersPage() {
  useTitle('Members');
  return <h1>Members</h1>;
}
