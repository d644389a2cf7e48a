import { useTitle } from '../../ui/use-title.ts';

export default function QuestionsPage() {
  useTitle('Question screen');
  return <h1>Question screen</h1>;
}
