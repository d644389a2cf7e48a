import { useEffect, useState } from 'react';

/**
 * The browser's clock, read again every half minute so that what depends on an interview having
 * started changes by itself. The server still decides: its refusal is shown when the clocks differ.
 */
export function useMinute(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
