/**
 * Puts an app built by `createApp` on a port.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type express from 'express';

export interface RunningServer {
  server: Server;
  /** The port actually bound (useful with port 0). */
  port: number;
  url: string;
  close(): Promise<void>;
}

/**
 * Listens on `port` (0 picks a free one) and resolves once bound.
 * Rejects when the port cannot be bound (e.g. EADDRINUSE).
 */
export function listen(app: express.Express, port: number, host?: string): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const onListening = (error?: Error) => {
      if (error) return reject(error);
      const bound = (server.address() as AddressInfo).port;
      resolve({
        server,
        port: bound,
        url: `http://${host && host !== '0.0.0.0' ? host : 'localhost'}:${bound}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            server.closeAllConnections();
          }),
      });
    };
    const server = host ? app.listen(port, host, onListening) : app.listen(port, onListening);
    server.once('error', reject);
  });
}
