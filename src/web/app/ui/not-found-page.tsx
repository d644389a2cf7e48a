import { Link } from 'wouter';
import { useTitle } from './use-title.ts';

export function NotFoundPage() {
  useTitle('Page not found');
  return (
    <main id="main" className="narrow">
      <h1>Page not found</h1>
      <p>
        There is no page at this address. <Link href="/">Go to the start page</Link>.
      </p>
    </main>
  );
}
