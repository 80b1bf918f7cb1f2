// The preview server's contract, without a browser: loopback only, a JSON API that runs the built
// add-on, and refusal of requests from other sites.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../../preview/server';
import type { ActionResult } from '../../../preview/web/protocol';

let server: PreviewServer;
beforeAll(async () => {
  server = await startPreview({ port: 0, today: '2023-03-15' });
});
afterAll(() => server?.close());

function post(route: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const url = new URL(`/api/${route}`, server.url);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('preview server', () => {
  it('listens on loopback and runs the sample with a fixed clock', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const r = JSON.parse((await post('state', {})).text) as ActionResult;
    expect(r.state.workbook.today).toBe('2023-03-15');
    expect(r.state.menu?.items.length).toBeGreaterThan(0);
  });

  it('a sidebar call returns the add-on result as JSON; an unknown function fails like Apps Script', async () => {
    const ok = JSON.parse((await post('run', { functionName: 'getPanelState', args: [] })).text) as ActionResult;
    expect(ok.ok).toBe(true);
    expect(ok.value).toMatchObject({ sheetName: 'Лист1', today: '2023-03-15' });
    const missing = JSON.parse((await post('run', { functionName: 'noSuchFunction', args: [] })).text) as ActionResult;
    expect(missing).toMatchObject({ ok: false, error: 'Script function not found: noSuchFunction' });
  });

  it('lists the e-mails the add-on sent, and runs the installed schedules on request', async () => {
    const none = JSON.parse((await post('triggers', {})).text) as ActionResult;
    expect(none).toMatchObject({ ok: true, value: 0 });
    await post('menu', { functionName: 'recognizeTable' });
    const on = JSON.parse((await post('run', { functionName: 'saveReminders', args: [{ enabled: true, frequency: 'weekly', weekday: 1, monthDay: 1, hour: 8, days: 7, addresses: 'zam@example.org' }] })).text) as ActionResult;
    expect(on.ok).toBe(true);
    expect(on.state.triggers).toHaveLength(1);
    expect(on.state.mail.map((m) => m.subject)).toEqual([expect.stringMatching(/^Пробная рассылка\. /)]);
    const fired = JSON.parse((await post('triggers', {})).text) as ActionResult;
    expect(fired.value).toBe(1);
    // Newest first: the digest to the settings' address, then the test.
    expect(fired.state.mail.map((m) => m.to)).toEqual([['zam@example.org'], [expect.stringContaining('@')]]);
    await post('run', { functionName: 'saveReminders', args: [{ enabled: false, frequency: 'weekly', weekday: 1, monthDay: 1, hour: 8, days: 7, addresses: '' }] });
  });

  it('refuses requests from another site or host name', async () => {
    expect((await post('menu', { functionName: 'openPanel' }, { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await post('menu', { functionName: 'openPanel' }, { Host: 'evil.example:80' })).status).toBe(403);
    expect((await post('menu', { functionName: 'openPanel' }, { Origin: server.url })).status).toBe(200);
  });

  it('answers nothing, not even the page or a generated document, to a host name that is not loopback', async () => {
    const get = (pathname: string, host: string): Promise<number> =>
      new Promise((resolve, reject) => {
        const req = request(new URL(pathname, server.url), { headers: { Host: host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await get('/', 'evil.example')).toBe(403);
    expect(await get('/api/doc?id=anything', 'rebound.example:5173')).toBe(403);
    expect(await get('/', 'localhost')).toBe(200);
  });

  it('rejects a malformed request with a message instead of crashing', async () => {
    const r = await post('edit', { sheet: 'Лист1' });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text)).toMatchObject({ ok: false });
  });
});
