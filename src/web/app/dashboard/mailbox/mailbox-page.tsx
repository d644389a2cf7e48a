import { useTitle } from '../../ui/use-title.ts';

export default function MailboxPage() {
  useTitle('Mailbox');
  return <h1>Mailbox</h1>;
}
