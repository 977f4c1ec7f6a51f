// Opening a meeting reads its record again after every save: the texts derived from discussions'
// JSON are remembered (store/discussionText.ts), and the record's lists of earlier actions are read
// only when the hash or the print asks. What every reader gets must not change by either.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BoardSummary, MeetingDetail, MinutesItem } from '../../shared/contract';
import { discussionPlainText, parseDiscussionJson } from '../../shared/domain/discussion';
import { bulletListNode, discussionRootJson, paragraphNode, textNode } from '../../shared/domain/discussionJson';
import { derivedDiscussionText, rememberedTextCount, RECENT_TEXTS_MAX_CHARS } from '../../electron/core/store/discussionText';
import { readMeetingRecord } from '../../electron/core/store/meetingRecord';
import { ok, tempCore } from '../helpers/temp';

const walked = (json: string): string => discussionPlainText(parseDiscussionJson(json) ?? []);

const discussion = fc
  .array(fc.oneof(fc.string().map((t) => paragraphNode([textNode(t)])), fc.array(fc.string(), { minLength: 1, maxLength: 3 }).map(bulletListNode)), { maxLength: 4 })
  .map(discussionRootJson);

describe('texts derived from a discussion’s JSON', () => {
  it('are the walker’s text for the JSON, however often and in whatever order they are asked for', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(discussion, fc.string()), { minLength: 1, maxLength: 12 }), fc.array(fc.nat(), { maxLength: 30 }), (jsons, order) => {
        for (const json of jsons) expect(derivedDiscussionText(json)).toBe(walked(json));
        // Asked again (remembered), by an equal string made apart from the first one.
        for (const i of order) {
          const json = jsons[i % jsons.length] as string;
          expect(derivedDiscussionText(json.split('').join(''))).toBe(walked(json));
        }
      }),
    );
  });

  it('keeps a bounded number of them: the oldest are forgotten, and a forgotten one is derived again', () => {
    const long = 'x'.repeat(20_000);
    const first = discussionRootJson([paragraphNode([textNode(`first ${long}`)])]);
    expect(derivedDiscussionText(first)).toBe(`first ${long}`);
    const many = Math.ceil(RECENT_TEXTS_MAX_CHARS / 40_000) + 10;
    for (let i = 0; i < many; i++) derivedDiscussionText(discussionRootJson([paragraphNode([textNode(`${i} ${long}`)])]));
    expect(rememberedTextCount()).toBeLessThan(many);
    expect(derivedDiscussionText(first)).toBe(`first ${long}`);
  });
});

describe('a meeting’s record', () => {
  it('gives the same text and the same lists of earlier actions as reading them straight from the tables', async () => {
    const core = await tempCore();
    const board = ok<BoardSummary>(core, 'createBoard', { name: 'Executive Board' });
    const first = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2014-02-19' });
    const item = ok<{ item: MinutesItem }>(core, 'addAgendaItem', { meetingId: first.id, title: 'Safeguarding' }).item;
    ok(core, 'saveDiscussion', { itemId: item.id, json: discussionRootJson([paragraphNode([textNode('The MASH audit was noted.')])]) });
    ok(core, 'addAction', { itemId: item.id, details: 'Report the MASH figures' });
    const second = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2014-04-10' });
    ok(core, 'carryForward', { meetingId: second.id });

    const db = core.store!.db;
    const carried = db.prepare('SELECT * FROM carried_actions WHERE meeting_id = ? ORDER BY position, action_id').all(second.id);
    expect(carried.length).toBe(1);
    const record = readMeetingRecord(db, second.id);
    expect(record.rows.carried_actions).toEqual(carried);
    expect(record.rows.action_updates).toEqual(db.prepare('SELECT * FROM action_updates WHERE meeting_id = ? ORDER BY id').all(second.id));
    expect(record.rows.dismissed_deferrals).toEqual([]);
    // Read once: asked again, the same rows.
    expect(record.rows.carried_actions).toBe(record.rows.carried_actions);

    // Saved again, the screen reads the new text, not the one remembered for the old JSON.
    expect(ok<{ items: MinutesItem[] }>(core, 'getMinutes', { meetingId: first.id }).items[0]?.discussionText).toBe('The MASH audit was noted.');
    ok(core, 'saveDiscussion', { itemId: item.id, json: discussionRootJson([paragraphNode([textNode('Kestrel House visited.')])]) });
    expect(ok<{ items: MinutesItem[] }>(core, 'getMinutes', { meetingId: first.id }).items[0]?.discussionText).toBe('Kestrel House visited.');
    core.close();
  });
});
