import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesce } from './coalesce.ts';

describe('coalesce', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('makes one call for the asks of a settle period, after that period', () => {
    const call = vi.fn();
    const wake = coalesce(call, 50);
    wake();
    vi.advanceTimersByTime(20);
    wake();
    wake();
    expect(call).not.toHaveBeenCalled();
    vi.advanceTimersByTime(30);
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('starts a new period with the first ask after a call', () => {
    const call = vi.fn();
    const wake = coalesce(call, 50);
    wake();
    vi.advanceTimersByTime(50);
    wake();
    vi.advanceTimersByTime(49);
    expect(call).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(call).toHaveBeenCalledTimes(2);
  });

  it('drops a scheduled call when cancelled', () => {
    const call = vi.fn();
    const wake = coalesce(call, 50);
    wake();
    wake.cancel();
    vi.advanceTimersByTime(100);
    expect(call).not.toHaveBeenCalled();
  });
});
