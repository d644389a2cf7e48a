import type { CandidateView } from '../../api/candidate-types.ts';
import { formatPhone, formatPhonesIn } from '../format-phone.ts';

/** After the start: the server's advice on apologising, and the number to call when there is one. */
export function ApologyPath({ path }: { path: NonNullable<CandidateView['apologyPath']> }) {
  return (
    <section className="warning" aria-labelledby="apology-heading">
      <h2 id="apology-heading">The interview has started</h2>
      <p>{formatPhonesIn(path.text)}</p>
      {path.phone && (
        <p>
          Call the coordinator: <a href={`tel:${path.phone.replace(/[^+\d]/g, '')}`}>{formatPhone(path.phone)}</a>
        </p>
      )}
    </section>
  );
}
