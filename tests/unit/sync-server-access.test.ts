// Who may open what on the sync server: board tokens (trust on first use, a wrong one refused
// with its reason, rotation locking the old one out), the ma2 document names, and agreed minutes
// read-only, at connection and when they are agreed during a session. Real server, real providers.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { parseDocName } from '../../shared/domain/syncFormat';
import { startTestSyncServer } from '../helpers/syncServer';
import {
  acknowledged,
  authenticated,
  authenticationFailed,
  boardDoc,
  closedByServer,
  connectClient,
  meetingDoc,
  newBoardId,
  newToken,
  nextStateless,
  synced,
  until,
} from '../helpers/syncClient';

const WRONG = 'wrong or revoked token for this board';
const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');
const text = (doc: Y.Doc): string => doc.get('discussion:item-1', Y.XmlText).toString();

describe('sync server: board tokens', () => {
  it('registers a board with its first token, keeps only its hash, and refuses another token with the reason', async () => {
    const sync = await startTestSyncServer();
    const boardId = newBoardId();
    const token = newToken();
    const first = connectClient(sync.url, boardDoc(boardId), token);
    await synced(first.provider);
    expect(sync.server.store.tokenHash(boardId)).toBe(hashOf(token));
    expect(JSON.stringify(sync.server.store.db.prepare('SELECT * FROM boards').all())).not.toContain(token);

    const intruder = connectClient(sync.url, meetingDoc(boardId, newBoardId()), newToken());
    expect(await authenticationFailed(intruder.provider)).toBe(WRONG);
    const malformed = connectClient(sync.url, boardDoc(boardId), 'not a token');
    expect(await authenticationFailed(malformed.provider)).toBe(WRONG);
    // Another board is another registration: its own first token is accepted.
    const other = connectClient(sync.url, boardDoc(newBoardId()), newToken());
    await synced(other.provider);
    expect(sync.server.store.tokenHash(boardId)).toBe(hashOf(token));
  });

  it('rotating the token answers token-rotated, closes the old token’s other connections and refuses it from then on', async () => {
    const sync = await startTestSyncServer();
    const boardId = newBoardId();
    const [oldToken, newer] = [newToken(), newToken()];
    const admin = connectClient(sync.url, boardDoc(boardId), oldToken);
    const revoked = connectClient(sync.url, boardDoc(boardId), oldToken);
    const revokedMeeting = connectClient(sync.url, meetingDoc(boardId, newBoardId()), oldToken);
    await Promise.all([synced(admin.provider), synced(revoked.provider), synced(revokedMeeting.provider)]);

    const answer = nextStateless(admin.provider);
    const closed = [closedByServer(revoked.provider), closedByServer(revokedMeeting.provider)];
    admin.provider.sendStateless(JSON.stringify({ type: 'rotate-token', tokenHash: hashOf(newer) }));
    expect(JSON.parse(await answer)).toEqual({ type: 'token-rotated' });
    expect(await Promise.all(closed)).toEqual([WRONG, WRONG]);
    expect(sync.server.store.tokenHash(boardId)).toBe(hashOf(newer));

    const again = connectClient(sync.url, boardDoc(boardId), oldToken);
    expect(await authenticationFailed(again.provider)).toBe(WRONG);
    const withNew = connectClient(sync.url, boardDoc(boardId), newer);
    await synced(withNew.provider);
    // The rotating connection stays open and writable.
    admin.doc.getMap('settings').set('name', 'Finance Committee');
    await until(withNew.doc, (d) => d.getMap('settings').get('name') === 'Finance Committee');
    await sync.restart();
    const afterRestart = connectClient(sync.url, boardDoc(boardId), oldToken);
    expect(await authenticationFailed(afterRestart.provider)).toBe(WRONG);
  });

  it('refuses a rotation whose hash is not a sha256', async () => {
    const sync = await startTestSyncServer();
    const boardId = newBoardId();
    const token = newToken();
    const admin = connectClient(sync.url, boardDoc(boardId), token);
    await synced(admin.provider);
    const answer = nextStateless(admin.provider);
    admin.provider.sendStateless(JSON.stringify({ type: 'rotate-token', tokenHash: 'abc' }));
    expect(JSON.parse(await answer)).toMatchObject({ type: 'rotate-token-refused' });
    expect(sync.server.store.tokenHash(boardId)).toBe(hashOf(token));
  });
});

describe('sync server: document names and the sync format', () => {
  it('refuses a client of another format version, or a name of another shape, naming the version it speaks', async () => {
    const sync = await startTestSyncServer();
    const boardId = newBoardId();
    const newer = connectClient(sync.url, `ma3/${boardId}/board`, newToken());
    expect(await authenticationFailed(newer.provider)).toBe('this server speaks sync format ma2, and this laptop speaks ma3; update the sync server');
    // A laptop of ma1 (which writes no change marks) is refused, board and meeting alike.
    const older = connectClient(sync.url, `ma1/${boardId}/board`, newToken());
    expect(await authenticationFailed(older.provider)).toBe('this server speaks sync format ma2, and this laptop speaks ma1; update Matters Arising on this laptop');
    const olderMeeting = connectClient(sync.url, `ma1/${boardId}/meeting/${newBoardId()}`, newToken());
    expect(await authenticationFailed(olderMeeting.provider)).toBe('this server speaks sync format ma2, and this laptop speaks ma1; update Matters Arising on this laptop');
    const odd = connectClient(sync.url, `ma2/${boardId}/minutes`, newToken());
    expect(await authenticationFailed(odd.provider)).toMatch(/^this server speaks sync format ma2, and "ma2\/.*\/minutes" is not one of its document names/);
    // Nothing was registered by a refused name.
    expect(sync.server.store.tokenHash(boardId)).toBeNull();
  });

  it('parses the two kinds of name', () => {
    const [b, m] = [newBoardId(), newBoardId()];
    expect(parseDocName(`ma2/${b}/board`)).toEqual({ kind: 'board', boardId: b });
    expect(parseDocName(`ma2/${b}/meeting/${m}`)).toEqual({ kind: 'meeting', boardId: b, meetingId: m });
    expect(() => parseDocName(`ma1/${b}/board`)).toThrow('this server speaks sync format ma2, and this laptop speaks ma1; update Matters Arising on this laptop');
    expect(() => parseDocName(`ma2/${b.toUpperCase()}/board`)).toThrow(/not one of its document names/);
    expect(() => parseDocName(`ma2/${b}/meeting/${m}/x`)).toThrow(/not one of its document names/);
  });
});

describe('sync server: agreed minutes are read-only', () => {
  it('once agreed during a session, edits from any laptop are refused and reach neither the server nor the others', async () => {
    const sync = await startTestSyncServer();
    const boardId = newBoardId();
    const token = newToken();
    const name = meetingDoc(boardId, newBoardId());
    const [secretary, colleague] = [connectClient(sync.url, name, token), connectClient(sync.url, name, token)];
    await Promise.all([synced(secretary.provider), synced(colleague.provider)]);
    secretary.doc.get('discussion:item-1', Y.XmlText).insert(0, 'Minutes as agreed.');
    await acknowledged(secretary.provider);
    await until(colleague.doc, (d) => text(d) === 'Minutes as agreed.');

    secretary.doc.getMap('meeting').set('agreedAt', '2026-03-19T18:30:00.000Z');
    await acknowledged(secretary.provider);
    await sync.waitForEvent((e) => e.kind === 'read-only' && e.document === name);
    await until(colleague.doc, (d) => d.getMap('meeting').get('agreedAt') !== undefined);
    const agreedState = sync.server.storedState(name);

    colleague.doc.get('discussion:item-1', Y.XmlText).insert(0, 'Late edit. ');
    await sync.waitForEvent((e) => e.kind === 'refused-edit' && e.document === name);
    expect(sync.server.storedState(name)).toEqual(agreedState);
    expect(colleague.provider.hasUnsyncedChanges).toBe(true);

    // A laptop connecting now is read-only from the start, and sees the minutes as agreed.
    const reader = connectClient(sync.url, name, token);
    expect(await authenticated(reader.provider)).toBe('readonly');
    await synced(reader.provider);
    expect(text(reader.doc)).toBe('Minutes as agreed.');
    expect(text(secretary.doc)).toBe('Minutes as agreed.');
    reader.doc.get('discussion:item-1', Y.XmlText).insert(0, 'Another. ');
    await sync.waitForEvent((e) => e.kind === 'refused-edit' && e.document === name && sync.events.filter((x) => x.kind === 'refused-edit').length >= 2);
    expect(sync.server.storedState(name)).toEqual(agreedState);
  });

  it('an agreed meeting stored before a restart is read-only at connection; its board doc stays writable', async () => {
    const sync = await startTestSyncServer();
    const boardId = newBoardId();
    const token = newToken();
    const name = meetingDoc(boardId, newBoardId());
    const first = connectClient(sync.url, name, token);
    await synced(first.provider);
    first.doc.getMap('meeting').set('agreedAt', '2026-03-19T18:30:00.000Z');
    await acknowledged(first.provider);
    await sync.restart();

    const later = connectClient(sync.url, name, token);
    expect(await authenticated(later.provider)).toBe('readonly');
    const board = connectClient(sync.url, boardDoc(boardId), token);
    expect(await authenticated(board.provider)).toBe('read-write');
    const draft = connectClient(sync.url, meetingDoc(boardId, newBoardId()), token);
    expect(await authenticated(draft.provider)).toBe('read-write');
  });
});
