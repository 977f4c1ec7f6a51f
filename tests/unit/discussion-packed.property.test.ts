// The stored form of a discussion (store/discussionPacked.ts): any JSON text the editor could save
// comes back exactly, byte for byte, through the one writer and the one reader, in JavaScript and
// through the SQL function search and the derived text read it with.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import type { BoardSummary, MeetingDetail, MinutesItem } from '../../shared/contract';
import { meetingDiscussions, packDiscussion, readDiscussionJson, unpackDiscussion, writeDiscussionJson } from '../../electron/core/store/discussionPacked';
import { ok, tempCore } from '../helpers/temp';

/** Any JSON text: any value, any spacing and key order as written, any Unicode (lone surrogates escaped, as JSON.stringify writes them). */
const jsonText = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.tuple(fc.jsonValue(), fc.integer({ min: 0, max: 4 })).map(([v, indent]) => JSON.stringify(v, null, indent)),
  fc
    .oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }))
    .map((s) => JSON.stringify({ root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: s }] }] } })),
);

describe('a discussion stored packed', () => {
  it('unpacks to exactly the JSON text packed', () => {
    fc.assert(
      fc.property(jsonText, (json) => {
        const packed = packDiscussion(json);
        expect(packed).toBeInstanceOf(Buffer);
        expect(unpackDiscussion(packed)).toBe(json);
      }),
      { numRuns: 500 },
    );
    expect(packDiscussion(null)).toBeNull();
    expect(unpackDiscussion(null)).toBeNull();
    expect(() => unpackDiscussion('{"root":{}}')).toThrow(/packed form/);
    // A stored form that is not deflate at all (a damaged file): said so, not a zlib message.
    expect(() => unpackDiscussion(Buffer.from([0xff, 0xff, 0xff, 0xff]))).toThrow(/damaged and cannot be read\. Restore a backup/);
  });

  it('reads back exactly through the file: the one writer, the one reader, the SQL function', async () => {
    const core: Core = await tempCore();
    const board = ok<BoardSummary>(core, 'createBoard', { name: 'Executive Board' });
    const meeting = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2014-02-19' });
    const item = ok<{ item: MinutesItem }>(core, 'addAgendaItem', { meetingId: meeting.id, title: 'Sub-groups' }).item;
    const db = core.store!.db;
    const viaSql = db.prepare('SELECT ma_discussion_json(discussion_deflated) FROM agenda_items WHERE id = ?').pluck();
    fc.assert(
      fc.property(fc.option(jsonText), (json) => {
        writeDiscussionJson(db, item.id, json);
        expect(readDiscussionJson(db, item.id)).toBe(json);
        expect(viaSql.get(item.id)).toBe(json);
        expect(meetingDiscussions(db, meeting.id)).toEqual(json === null ? [] : [{ id: item.id, json }]);
      }),
      { numRuns: 200 },
    );
    core.close();
  });
});
