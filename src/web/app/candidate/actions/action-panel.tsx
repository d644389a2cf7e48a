import type { CandidateAction } from '../../api/candidate-types.ts';
import { useFocusOnMount } from '../use-focus-on-mount.ts';
import { AcceptPanel } from './accept-panel.tsx';
import { actionLabel } from './action-chooser.tsx';
import { CancelFlow } from './cancel/cancel-flow.tsx';
import { ConcernPanel } from './concern-panel.tsx';
import { ExcusePanel } from './excuse-panel.tsx';
import { LeaveFlow } from './leave/leave-flow.tsx';
import type { PanelProps } from './panel-props.ts';
import { ReschedulePanel } from './reschedule/reschedule-panel.tsx';


function Body({ action, ...props }: PanelProps & { action: CandidateAction }) {
  switch (action) {
    case 'accept':
      return <AcceptPanel {...props} />;
    case 'reschedule':
      return <ReschedulePanel {...props} />;
    case 'cancel':
      return <CancelFlow {...props} />;
    case 'decline':
    case 'withdraw':
      return <LeaveFlow {...props} action={action} />;
    case 'concern':
      return <ConcernPanel {...props} />;
    case 'excuse_no_show':
      return <ExcusePanel {...props} />;
  }
}

/** The one open action: its heading takes focus, so a screen reader hears where it is. */
export function ActionPanel({ action, onClose, ...props }: PanelProps & { action: CandidateAction; onClose: () => void }) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section id="action-panel" className="card candidate-action" aria-labelledby="action-panel-heading">
      <div className="panel-head">
        <h2 id="action-panel-heading" ref={heading} tabIndex={-1}>
          {actionLabel(action, props.view.interview.status)}
        </h2>
        <button type="button" className="link-button" onClick={onClose}>
          Close<span className="visually-hidden"> {actionLabel(action, props.view.interview.status).toLowerCase()}</span>
        </button>
      </div>
      <Body action={action} {...props} />
    </section>
  );
}
