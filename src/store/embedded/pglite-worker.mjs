// The embedded engine's own thread starts here: plain JavaScript that lets the TypeScript sources load, as
// bin/leeway.js does for the main thread (a worker does not inherit the main thread's module hooks).
import { register } from 'tsx/esm/api';

register();
await import('./pglite-worker.ts');
