/**
 * The child-process side of the benchmark protocol (over the IPC channel that `fork()` opens):
 *   child → parent  { type: 'ready', port, rss }      once the server listens
 *   parent → child  { type: 'memory' }                → { type: 'memory', rss, heapUsed }
 *   parent → child  { type: 'stop' }                  the child closes its server and exits
 */

export type ParentMessage = { readonly type: 'memory' } | { readonly type: 'stop' };
export type ChildMessage =
  | { readonly type: 'ready'; readonly port: number; readonly rss: number }
  | { readonly type: 'memory'; readonly rss: number; readonly heapUsed: number };

function send(message: ChildMessage): void {
  if (!process.send) throw new Error('this server must be started by run.ts (it needs an IPC channel)');
  process.send(message);
}

/** Announces the listening port and answers the parent's requests until told to stop. */
export function serveUnderParent(port: number, close: () => Promise<void>): void {
  process.on('message', (raw: ParentMessage) => {
    if (raw.type === 'memory') {
      const m = process.memoryUsage();
      send({ type: 'memory', rss: m.rss, heapUsed: m.heapUsed });
    } else if (raw.type === 'stop') {
      void close().finally(() => process.exit(0));
    }
  });
  // Exit with the parent if it dies without saying stop.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', port, rss: process.memoryUsage().rss });
}

export const HOST = '127.0.0.1';
