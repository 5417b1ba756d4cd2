import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINIMAL_PDF } from '../e2e/fixtures/fixture-pages';
import { FIREFOX_EXTENSION_DIR } from './firefox-driver';

/** A certificate for arxiv.org made for this test alone (self-signed; Firefox is told to accept it). */
const TLS = join(import.meta.dirname, 'tls');

/**
 * Firefox names a PDF tab from the PDF response's `Content-Disposition`, which the extension adds in a
 * `webRequest` listener. The shared suite answers paper sites by request interception, which Firefox serves
 * before any response reaches webRequest, so this file gives Firefox a real response instead: an HTTPS server
 * on the loopback stands in for arxiv.org, reached through a loopback proxy, and nothing leaves the machine.
 */
describe("a PDF tab's title in Firefox", () => {
  const servers: Server[] = [];
  let browser: Browser;
  beforeAll(async () => {
    const pdf = readFileSync(MINIMAL_PDF);
    const site = createHttpsServer({ key: readFileSync(join(TLS, 'arxiv-test-key.pem')), cert: readFileSync(join(TLS, 'arxiv-test-cert.pem')) }, (request, response) => {
      if (request.url?.startsWith('/pdf/')) response.writeHead(200, { 'Content-Type': 'application/pdf' }).end(pdf);
      else response.writeHead(404).end();
    });
    // Every CONNECT goes to the site server, whatever host it names.
    const proxy = createHttpServer((_request, response) => response.writeHead(502).end()).on('connect', (_request, client, head) => {
      const upstream = connect((site.address() as AddressInfo).port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client).pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    for (const server of [site, proxy]) {
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    }
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
      headless: true,
      acceptInsecureCerts: true,
      args: ['--remote-allow-system-access'],
      protocolTimeout: 120_000,
      extraPrefsFirefox: {
        'network.proxy.type': 1,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': (proxy.address() as AddressInfo).port,
        'network.proxy.allow_hijacking_localhost': true,
        'app.update.enabled': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        'toolkit.telemetry.enabled': false,
        'services.settings.server': 'http://127.0.0.1:9/',
      },
    });
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
  });
  afterAll(async () => {
    await browser?.close();
    for (const server of servers) server.close();
  });

  it('names the tab after the paper (the viewer shows the name as a file name), leaves the PDF in the viewer, and leaves unknown papers alone', async () => {
    const page = await browser.newPage();
    // The corpus is seeded on install: until then the paper is unknown, so the page is loaded until it is named.
    const titleAfterLoading = async (url: string) => {
      await page.goto(url);
      await page.waitForFunction(() => document.title.includes(' - '), { polling: 200, timeout: 10_000 }).catch(() => {});
      return page.title();
    };
    // The fixture PDF has a title of its own ("PDF fixture"), which Firefox's viewer puts first.
    const named = 'PDF fixture - ID-Aligner: Enhancing Identity-Preserving Text-to-Image Generation with Reward Feedback Learning (arXiv:2404.15449).pdf';
    await expect.poll(() => titleAfterLoading('https://arxiv.org/pdf/2404.15449v1'), { timeout: 60_000, interval: 1_000 }).toBe(named);
    expect(page.url()).toBe('https://arxiv.org/pdf/2404.15449v1');
    expect(await titleAfterLoading('https://arxiv.org/pdf/2501.00001')).toBe('PDF fixture - 2501.00001');
    await page.close();
  });
});
