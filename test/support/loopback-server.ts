import type { Server } from 'node:http';

/**
 * Starts `server` on 127.0.0.1:`port` (0: any free port). A port already taken is a clear error rather than a hang or
 * an unhandled 'error' event: Zotero's fixed port 23119 is shared by the Chromium and Firefox suites and by a real
 * Zotero, should one be running on the machine.
 */
export function listenOnLoopback(server: Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`127.0.0.1:${port} is already in use: a running Zotero, or another test's server left open, holds it (${error.message})`)
          : error,
      );
    };
    server.once('error', failed);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', failed);
      resolve();
    });
  });
}

/** Closes `server` now, dropping the connections a browser keeps alive (which would hold `close` open). */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
