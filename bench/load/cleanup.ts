/**
 * What the load bench must undo however it ends: child servers, temporary folders, scratch databases.
 * Tasks run newest first (a server stops before its database is dropped); Ctrl-C and SIGTERM run them too.
 */
type Task = { what: string; run: () => Promise<void> | void };

const tasks: Task[] = [];
let running: Promise<void> | null = null;
let signalled = false;

/**
 * Whether Ctrl-C or SIGTERM has started the cleanup: requests then fail because their server is being
 * stopped, and the bench says nothing of it.
 */
export function stopping(): boolean {
  return signalled;
}

/**
 * Registers an undo step and returns a function that runs it now (and forgets it).
 *
 * @example
 * const drop = onCleanup('drop leeway_load_42', () => dropDatabase('leeway_load_42')); … await drop();
 */
export function onCleanup(what: string, run: Task['run']): () => Promise<void> {
  const task: Task = { what, run };
  tasks.push(task);
  return async () => {
    const index = tasks.indexOf(task);
    if (index === -1) return;
    tasks.splice(index, 1);
    await task.run();
  };
}

/** Runs every remaining undo step once, newest first; a failing step is reported and the rest still run. */
export function cleanUpAll(): Promise<void> {
  running ??= (async () => {
    while (tasks.length > 0) {
      const task = tasks.pop()!;
      try {
        await task.run();
      } catch (error) {
        console.error(`Cleaning up (${task.what}) failed: ${(error as Error).message}`);
      }
    }
  })();
  return running;
}

/** On Ctrl-C or SIGTERM: undo everything, then exit with the signal's conventional code. */
export function cleanUpOnSignals(): void {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      signalled = true;
      console.error(`\n${signal}: stopping servers and removing scratch data…`);
      void cleanUpAll().finally(() => process.exit(code));
    });
  }
}
