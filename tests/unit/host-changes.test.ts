// Both hosts hand the renderer what a call changed, untouched: the browser host in its JSON
// reply, the Electron host through IPC and the preload. Core and the database are real; the
// Electron runtime cannot run here, so 'electron' is a stand-in that routes preload's invoke
// to the handlers main registered.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BROWSER_TOKEN_HEADER, ipcChannel, type ApiResponse, type BoardSummary } from '../../shared/contract';
import { startBrowserHost, type BrowserHost } from '../../electron/serve';
import { registerApi } from '../../electron/main/ipc';
import { tempCore, tempDir } from '../helpers/temp';

const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, payload: unknown) => unknown>(),
  exposed: new Map<string, unknown>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => electron.exposed.set(key, value) },
  ipcRenderer: {
    // What main's handler returns is what the window's invoke resolves to (Electron clones it).
    invoke: async (channel: string, input: unknown) => structuredClone(await electron.handlers.get(channel)?.(appWindowEvent(), input)),
    // The desktop bridge's listeners (closing, menus) are not used here.
    on: () => {},
    send: () => {},
  },
}));

function appWindowEvent(): unknown {
  const mainFrame = { url: 'app://matters-arising/index.html' };
  return { senderFrame: mainFrame, sender: { mainFrame } };
}

const hosts: BrowserHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

async function post(host: BrowserHost, method: string, payload: unknown): Promise<ApiResponse<unknown>> {
  const response = await fetch(`http://127.0.0.1:${host.port}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [BROWSER_TOKEN_HEADER]: host.token },
    body: JSON.stringify(payload),
  });
  return (await response.json()) as ApiResponse<unknown>;
}

describe('the browser host', () => {
  it('replies to a write with what it changed, and to a read without', async () => {
    const dir = tempDir();
    const rendererDir = path.join(dir, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Matters Arising</title>');
    const host = await startBrowserHost({ dataFile: path.join(dir, 'data.sqlite'), rendererDir });
    hosts.push(host);

    const created = await post(host, 'createBoard', { name: 'Executive Board' });
    expect(created.ok).toBe(true);
    const board = (created as { value: BoardSummary }).value;
    expect(created.changes).toEqual([{ entity: 'board', id: board.id }]);

    const meeting = await post(host, 'createMeeting', { boardId: board.id, date: '2014-02-19' });
    expect(meeting.changes).toEqual([{ entity: 'meeting', id: (meeting as { value: { id: string } }).value.id }]);

    const listed = await post(host, 'listBoards', {});
    expect(listed.ok).toBe(true);
    expect('changes' in listed).toBe(false);
  });
});

describe('the Electron host', () => {
  it('passes what a call changed from core through IPC and the preload to window.api', async () => {
    const core = await tempCore();
    registerApi({ handle: (channel, handler) => void electron.handlers.set(channel, handler as (event: unknown, payload: unknown) => unknown) }, core);
    await import('../../electron/preload/index');
    const api = electron.exposed.get('api') as Record<string, (input: unknown) => Promise<ApiResponse<unknown>>>;
    expect(electron.handlers.has(ipcChannel('createBoard'))).toBe(true);

    const created = await api.createBoard!({ name: 'Executive Board' });
    expect(created.ok).toBe(true);
    const board = (created as { value: BoardSummary }).value;
    expect(created.changes).toEqual([{ entity: 'board', id: board.id }]);

    const renamed = await api.renameBoard!({ boardId: board.id, name: 'Main Board' });
    expect(renamed.changes).toEqual([{ entity: 'board', id: board.id }]);

    const listed = await api.listBoards!({});
    expect(listed).toEqual({ ok: true, value: [expect.objectContaining({ id: board.id, name: 'Main Board' })] });
  });
});
