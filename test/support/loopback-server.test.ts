import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { closeServer, listenOnLoopback } from './loopback-server';

describe('listenOnLoopback', () => {
  it('says in words that a port is taken, instead of hanging, and leaves the holder running', async () => {
    const holder = createServer((_, response) => response.end('held'));
    await listenOnLoopback(holder, 0);
    const { port } = holder.address() as AddressInfo;
    await expect(listenOnLoopback(createServer(), port)).rejects.toThrow(`127.0.0.1:${port} is already in use: a running Zotero, or another test's server left open, holds it`);
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('held');
    await closeServer(holder);
  });

  it('closes at once, even with a connection kept alive', async () => {
    const server = createServer((_, response) => response.end('ok'));
    await listenOnLoopback(server, 0);
    await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { keepalive: true });
    await closeServer(server);
    expect(server.listening).toBe(false);
  });
});
