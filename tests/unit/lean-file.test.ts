// A lean file: what someone types is stored once. A discussion's plain text is derived from its
// JSON as it is read (screen, search, vocabulary, the hash), never stored beside it; the change
// log records that a text changed and how long it is, not another copy, while its readers (the
// deletion of a started meeting, forgetting a deleted draft, the import mark) work as before.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ActionTimeline, BoardSummary, MeetingDetail, MeetingSummary, MinutesAction, MinutesDecision, MinutesItem, SampleBoardResult } from '../../shared/contract';
import type { Core } from '../../electron/core/app';
import { discussionRootJson, paragraphNode, textNode } from '../../shared/domain/discussionJson';
import { ok, okAsync, tempCore } from '../helpers/temp';

const logDetails = (core: Core): string[] => core.store!.db.prepare('SELECT detail FROM change_log ORDER BY seq').pluck().all() as string[];
const storedText = (core: Core, itemId: string): unknown => core.store!.db.prepare('SELECT discussion_text FROM agenda_items WHERE id = ?').pluck().get(itemId);

async function draftItem(): Promise<{ core: Core; meeting: MeetingDetail; item: MinutesItem }> {
  const core = await tempCore();
  const board = ok<BoardSummary>(core, 'createBoard', { name: 'Executive Board' });
  const meeting = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2014-02-19' });
  const item = ok<{ item: MinutesItem }>(core, 'addAgendaItem', { meetingId: meeting.id, title: 'Sub-groups' }).item;
  return { core, meeting, item };
}

describe('a discussion is stored once, as its JSON', () => {
  it('derives the plain text on read for the screen, search and the vocabulary, storing none beside the JSON', async () => {
    const { core, meeting, item } = await draftItem();
    const json = discussionRootJson([paragraphNode([textNode('The MASH audit was noted by the LSCB.')]), paragraphNode([textNode('Wren Court to report.')])]);
    ok(core, 'saveDiscussion', { itemId: item.id, json });
    expect(storedText(core, item.id)).toBeNull();

    const minutes = ok<{ items: MinutesItem[] }>(core, 'getMinutes', { meetingId: meeting.id });
    expect(minutes.items[0]?.discussionText).toBe('The MASH audit was noted by the LSCB.\nWren Court to report.');
    const found = ok<{ meetings: Array<{ hits: Array<{ itemId: string | null }> }> }>(core, 'search', { query: 'Wren Court' });
    expect(found.meetings.flatMap((m) => m.hits.map((h) => h.itemId))).toEqual([item.id]);
    // The vocabulary is words in capitals in two meetings' minutes: a second meeting says them too.
    const april = ok<MeetingDetail>(core, 'createMeeting', { boardId: meeting.boardId, date: '2014-04-10' });
    const aprilItem = ok<{ item: MinutesItem }>(core, 'addAgendaItem', { meetingId: april.id, title: 'Safeguarding' }).item;
    ok(core, 'saveDiscussion', { itemId: aprilItem.id, json: discussionRootJson([paragraphNode([textNode('The LSCB asked for the MASH figures.')])]) });
    const vocabulary = ok<{ acronyms: string[] }>(core, 'boardVocabulary', { boardId: meeting.boardId });
    expect(vocabulary.acronyms).toEqual(expect.arrayContaining(['MASH', 'LSCB']));

    // Saving new words re-derives everything from the new JSON: search no longer finds the old ones.
    ok(core, 'saveDiscussion', { itemId: item.id, json: discussionRootJson([paragraphNode([textNode('Kestrel House visited.')])]) });
    expect(storedText(core, item.id)).toBeNull();
    expect(ok<{ count: number }>(core, 'search', { query: 'Wren Court' }).count).toBe(0);
    expect(ok<{ count: number }>(core, 'search', { query: 'Kestrel' }).count).toBe(1);
  });

  it('imported minutes store their discussions as JSON alone, and read as the file had them', async () => {
    const core = await tempCore();
    const text = fs.readFileSync(new URL('../fixtures/sscb-2014-02-19-and-04-10.txt', import.meta.url), 'utf8');
    const board = 'Southwark Safeguarding Children Executive Board';
    const files = [{ name: 'sscb.txt', encoding: 'text' as const, content: text }];
    await okAsync(core, 'importMinutes', { board, files, digests: [null] });
    const db = core.store!.db;
    expect(db.prepare('SELECT count(*) FROM agenda_items WHERE discussion_deflated IS NOT NULL').pluck().get()).toBeGreaterThan(0);
    expect(db.prepare('SELECT count(*) FROM agenda_items WHERE discussion_text IS NOT NULL').pluck().get()).toBe(0);
    // Words only in a discussion of the file are found by search, from the text derived from the JSON.
    const found = ok<{ meetings: Array<{ hits: Array<{ kind: string; itemNumber: string | null }> }> }>(core, 'search', { query: '"Child Death Overview Panel"' });
    expect(found.meetings.flatMap((m) => m.hits.filter((h) => h.kind === 'item').map((h) => h.itemNumber))).toContain('1a');
  });
});

describe('the change log records that a text changed, not the text', () => {
  it('logs lengths for action details, decisions and progress, and keeps what a deletion removed', async () => {
    const { core, meeting, item } = await draftItem();
    const details = 'Write to Operation Nightjar about the referral';
    const action = ok<MinutesAction>(core, 'addAction', { itemId: item.id, details: 'To be worded' });
    ok(core, 'updateAction', { actionId: action.id, details });
    const decision = ok<MinutesDecision>(core, 'addDecision', { itemId: item.id, text: 'A first wording' });
    ok(core, 'updateDecision', { decisionId: decision.id, text: 'The Nightjar referral to go ahead' });
    ok<ActionTimeline>(core, 'recordActionProgress', { actionId: action.id, date: '2014-03-03', text: 'Nightjar letter drafted', status: 'in_progress' });
    const next = ok<MeetingDetail>(core, 'startNextMeeting', { fromMeetingId: meeting.id, date: '2014-04-10' });
    ok(core, 'recordActionUpdate', { meetingId: next.id, actionId: action.id, text: 'Nightjar letter sent' });

    expect(logDetails(core).filter((d) => d.includes('Nightjar') || d.includes('wording') || d.includes('To be worded'))).toEqual([]);
    const entries = core.store!.db.prepare('SELECT entity, action, detail FROM change_log ORDER BY seq').all() as Array<{ entity: string; action: string; detail: string }>;
    const detailOf = (entity: string, what: string) => entries.filter((e) => e.entity === entity && e.action === what).map((e) => JSON.parse(e.detail) as Record<string, unknown>);
    expect(detailOf('action', 'create')[0]).toMatchObject({ reference: action.reference, details: { characters: 'To be worded'.length } });
    expect(detailOf('action', 'update')[0]).toMatchObject({ details: { characters: details.length } });
    expect(detailOf('decision', 'create')[0]).toMatchObject({ itemId: item.id, text: { characters: 'A first wording'.length } });
    expect(detailOf('decision', 'update')[0]).toEqual({ text: { characters: 'The Nightjar referral to go ahead'.length } });
    expect(detailOf('action', 'progress_between')[0]).toMatchObject({ status: 'in_progress', text: { characters: 'Nightjar letter drafted'.length } });
    expect(detailOf('action', 'progress')[0]).toMatchObject({ meetingId: next.id, text: { characters: 'Nightjar letter sent'.length } });

    // A deletion still records what it removed (nothing else holds it now).
    ok(core, 'deleteDecision', { decisionId: decision.id });
    expect(detailOf('decision', 'create').length).toBe(1);
    const deleted = core.store!.db.prepare("SELECT detail FROM change_log WHERE entity = 'decision' AND action = 'delete'").pluck().get() as string;
    expect(JSON.parse(deleted)).toEqual({ itemId: item.id, text: 'The Nightjar referral to go ahead' });
  });

  it("deleting a started meeting still takes back the next meeting its start recorded (the log's start_from reader)", async () => {
    const core = await tempCore();
    const { board } = ok<SampleBoardResult>(core, 'loadSampleBoard', { attendanceOnly: true });
    const feb = ok<MeetingSummary[]>(core, 'listMeetings', { boardId: board.id }).find((m) => m.date === '2014-02-19')!;
    const before = ok<MeetingDetail>(core, 'getMeeting', { meetingId: feb.id });
    const later = ok<MeetingDetail>(core, 'startNextMeeting', { fromMeetingId: feb.id, date: '2030-06-01' });
    const recorded = ok<MeetingDetail>(core, 'getMeeting', { meetingId: feb.id });
    ok(core, 'deleteMeeting', { meetingId: later.id });
    const after = ok<MeetingDetail>(core, 'getMeeting', { meetingId: feb.id });
    expect(before.nextMeeting.date).toBeNull();
    expect(recorded.nextMeeting.date).toBe('2030-06-01');
    expect(after.nextMeeting).toEqual(before.nextMeeting);
  });
});

describe('the space a deletion frees', () => {
  it('is left out of every backup (a compact copy), and restoring one gives it back to the disk', async () => {
    const core = await tempCore();
    const { board } = ok<SampleBoardResult>(core, 'loadSampleBoard', {});
    // A long draft, then deleted: its pages are freed inside the file, which stays as large.
    const draft = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2030-01-01' });
    const words = 'The partnership reviewed the audit findings in detail. '.repeat(400);
    for (let i = 0; i < 20; i++) {
      const added = ok<{ item: MinutesItem }>(core, 'addAgendaItem', { meetingId: draft.id, title: `Item ${i}` }).item;
      ok(core, 'saveDiscussion', { itemId: added.id, json: discussionRootJson([paragraphNode([textNode(`${i} ${words}`)])]) });
    }
    ok(core, 'deleteMeeting', { meetingId: draft.id });
    const db = core.store!.db;
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pages = db.pragma('page_count', { simple: true }) as number;
    expect(db.pragma('freelist_count', { simple: true }) as number).toBeGreaterThan(0);
    const meetings = ok<MeetingSummary[]>(core, 'listMeetings', { boardId: board.id }).map((m) => m.id);

    const backup = await okAsync<{ name: string; meetingCount: number | null }>(core, 'backUpNow', {});
    expect(backup.meetingCount).toBe(meetings.length);
    const restored = await okAsync<{ state: string }>(core, 'restoreBackup', { name: backup.name });
    expect(restored.state).toBe('ready');
    const after = core.store!.db;
    expect(after.pragma('freelist_count', { simple: true })).toBe(0);
    expect(after.pragma('page_count', { simple: true }) as number).toBeLessThan(pages);
    expect(after.pragma('quick_check', { simple: true })).toBe('ok');
    expect(ok<MeetingSummary[]>(core, 'listMeetings', { boardId: board.id }).map((m) => m.id)).toEqual(meetings);
  });
});
