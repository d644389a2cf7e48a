import { useFocusOnMount } from '../use-focus-on-mount.ts';

/** A step of a flow, numbered, taking focus when it appears so the move to the next step is heard. */
export function StepHeading({ step, of, children }: { step: number; of: number; children: string }) {
  const ref = useFocusOnMount<HTMLHeadingElement>();
  return (
    <h3 ref={ref} tabIndex={-1} className="step-heading">
      <span className="step-count">
        Step {step} of {of}:
      </span>{' '}
      {children}
    </h3>
  );
}
