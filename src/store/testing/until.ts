/**
 * Waits until `condition` holds, asking every 10 ms, for at most `timeoutMs`: for what another connection
 * delivers in its own time (a notice, a reconnection).
 *
 * @example
 * await until(() => opened.schedules.active, 'the listener is subscribed');
 */
export async function until(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
