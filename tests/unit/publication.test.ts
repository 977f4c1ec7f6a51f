// Agreeing, freezing and publishing minutes: the lifecycle through the API, the triggers that
// hold agreed minutes against direct SQL, the content hash, corrections, and the print HTML.
// One file over 400 lines on purpose: every test here follows the same agreed meeting through its
// lifecycle, and the content-hash tests need the lifecycle's set-up beside them.
import fs from 'node:fs';
import path from 'node:path';
import { decryptedCopy } from '../helpers/testKey';
import { describe, expect, it } from 'vitest';
import type { BoardSettings, BoardSummary, MeetingDetail, Minutes, MinutesRecord, MinutesVerification } from '../../shared/contract';
import type { Core } from '../../electron/core/app';
import { htmlText } from '../../electron/core/publication/publication';
import { renderMeetingHtml } from '../../electron/core/publication/minutesHtml';
import { dump, ok, tempCore, tempDir } from '../helpers/temp';
import { FIXTURE_DATE, inProcess, ITEM_1A_LIST, seedFixtureMinutes, type SeededMinutes } from '../helpers/fixture-minutes';
import { startCore } from '../../electron/core/app';
import { packDiscussion, unpackDiscussion } from '../../electron/core/store/discussionPacked';

function refused(core: Core, method: string, payload: unknown): { code: string; message: string; field?: string } {
  const response = core.call(method, payload);
  if (response.ok) throw new Error(`${method} was accepted`);
  return response.error;
}

async function fixture(): Promise<{ core: Core; seeded: SeededMinutes }> {
  const core = await tempCore();
  const seeded = await seedFixtureMinutes(inProcess(core));
  return { core, seeded };
}

/** The fixture circulated and agreed at the meeting of 10 April 2014. */
async function agreed(amendments: string | null = null): Promise<{ core: Core; seeded: SeededMinutes; record: MinutesRecord }> {
  const { core, seeded } = await fixture();
  ok(core, 'circulateMinutes', { meetingId: seeded.meetingId });
  const record = ok<MinutesRecord>(core, 'agreeMinutes', { meetingId: seeded.meetingId, atMeetingId: seeded.laterMeetingId, amendments });
  return { core, seeded, record };
}

describe('the lifecycle of minutes', () => {
  it('goes draft -> circulated -> agreed at a later meeting -> published, recording the agreement in that meeting', async () => {
    const { core, seeded } = await fixture();
    expect(ok<MinutesRecord>(core, 'getMinutesRecord', { meetingId: seeded.meetingId })).toMatchObject({ status: 'draft', agreement: null, itemCount: 11 });
    const circulated = ok<MinutesRecord>(core, 'circulateMinutes', { meetingId: seeded.meetingId });
    expect(circulated.status).toBe('circulated');
    expect(circulated.circulatedAt).not.toBeNull();
    // The later meeting has no items yet: a "Minutes and actions arising" item is made for the agreement.
    const record = ok<MinutesRecord>(core, 'agreeMinutes', {
      meetingId: seeded.meetingId,
      atMeetingId: seeded.laterMeetingId,
      amendments: 'Item 6a: “JC EA” to read “JC and EA”.',
    });
    expect(record).toMatchObject({
      status: 'agreed',
      agreement: { atMeetingId: seeded.laterMeetingId, atMeetingDate: '2014-04-10', agreedOn: '2014-04-10', amendments: 'Item 6a: “JC EA” to read “JC and EA”.' },
    });
    expect(record.agreement?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const april = ok<Minutes>(core, 'getMinutes', { meetingId: seeded.laterMeetingId });
    expect(april.items.map((i) => [i.number, i.title, i.kind])).toEqual([['1', 'Minutes and actions arising', 'matters_arising']]);
    expect(april.items[0]?.decisions.map((d) => d.text)).toEqual([
      'The minutes of the meeting held on 19 February 2014 were reviewed and agreed as accurate, with the following amendments: Item 6a: “JC EA” to read “JC and EA”.',
    ]);
    const published = ok<MinutesRecord>(core, 'publishMinutes', { meetingId: seeded.meetingId });
    expect(published.status).toBe('published');
    expect(published.publishedAt).not.toBeNull();
    const log = core.store!.db
      .prepare("SELECT action FROM change_log WHERE entity = 'meeting' AND entity_id = ? AND action IN ('circulate', 'agree', 'publish') ORDER BY seq")
      .pluck()
      .all(seeded.meetingId);
    expect(log).toEqual(['circulate', 'agree', 'publish']);
    expect(ok<MeetingDetail>(core, 'getMeeting', { meetingId: seeded.meetingId }).status).toBe('published');
  });

  it('records the agreement in an item the later meeting already has, putting a new one first otherwise', async () => {
    const { core, seeded } = await fixture();
    const april = seeded.laterMeetingId;
    ok(core, 'addAgendaItem', { meetingId: april, title: 'Child engagement' });
    ok(core, 'circulateMinutes', { meetingId: seeded.meetingId });
    ok(core, 'agreeMinutes', { meetingId: seeded.meetingId, atMeetingId: april });
    const items = ok<Minutes>(core, 'getMinutes', { meetingId: april }).items;
    expect(items.map((i) => `${i.number} ${i.title}`)).toEqual(['1 Minutes and actions arising', '2 Child engagement']);

    // A hand-typed "Minutes and actions arising" item is the one used (and marked as such).
    const { core: other, seeded: s2 } = await fixture();
    const typed = ok<{ item: { id: string } }>(other, 'addAgendaItem', { meetingId: s2.laterMeetingId, title: 'Minutes and Actions Arising' }).item;
    ok(other, 'circulateMinutes', { meetingId: s2.meetingId });
    ok(other, 'agreeMinutes', { meetingId: s2.meetingId, atMeetingId: s2.laterMeetingId });
    const after = ok<Minutes>(other, 'getMinutes', { meetingId: s2.laterMeetingId }).items;
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: typed.id, kind: 'matters_arising' });
    expect(after[0]?.decisions).toHaveLength(1);
  });

  it('refuses bad steps with a clear message and changes nothing', async () => {
    const { core, seeded } = await fixture();
    const board = ok<BoardSummary>(core, 'createBoard', { name: 'Main Board' });
    const elsewhere = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2014-05-01' });
    const earlier = ok<MeetingDetail>(core, 'createMeeting', { boardId: seeded.boardId, date: '2014-01-08' });
    const empty = ok<MeetingDetail>(core, 'createMeeting', { boardId: seeded.boardId, date: '2014-06-04' });
    const before = dump(core);
    expect(refused(core, 'publishMinutes', { meetingId: seeded.meetingId })).toEqual({
      code: 'conflict',
      message: 'Only minutes agreed as accurate can be published. These minutes are still a draft.',
    });
    expect(refused(core, 'agreeMinutes', { meetingId: seeded.meetingId, atMeetingId: seeded.laterMeetingId }).message).toMatch(/still a draft\. Circulate them/);
    expect(refused(core, 'circulateMinutes', { meetingId: empty.id }).message).toMatch(/no agenda items yet/);
    expect(refused(core, 'verifyMinutes', { meetingId: seeded.meetingId }).message).toMatch(/not been agreed/);
    expect(refused(core, 'recordCorrection', { meetingId: seeded.meetingId, date: '2014-05-01', what: 'x', why: 'y' }).message).toMatch(/not been agreed yet/);
    expect(dump(core)).toBe(before);

    ok(core, 'circulateMinutes', { meetingId: seeded.meetingId });
    const circulated = dump(core);
    expect(refused(core, 'circulateMinutes', { meetingId: seeded.meetingId }).message).toBe('These minutes have already been circulated.');
    expect(refused(core, 'agreeMinutes', { meetingId: seeded.meetingId, atMeetingId: earlier.id })).toEqual({
      code: 'invalid_input',
      message: 'Minutes can only be agreed at a later meeting of the board, held after the meeting they record.',
      field: 'atMeetingId',
    });
    expect(refused(core, 'agreeMinutes', { meetingId: seeded.meetingId, atMeetingId: seeded.meetingId }).field).toBe('atMeetingId');
    expect(refused(core, 'agreeMinutes', { meetingId: seeded.meetingId, atMeetingId: elsewhere.id })).toMatchObject({ message: 'Choose a meeting of the same board.' });
    expect(refused(core, 'agreeMinutes', { meetingId: seeded.meetingId, atMeetingId: '00000000-0000-4000-8000-000000000000' }).field).toBe('atMeetingId');
    expect(refused(core, 'publishMinutes', { meetingId: seeded.meetingId }).message).toMatch(/circulated but not yet agreed/);
    expect(dump(core)).toBe(circulated);
  });

  it('refuses to record an agreement in minutes that are themselves agreed, or circulated without a matters arising item', async () => {
    const { core, seeded } = await fixture();
    const later = ok<MeetingDetail>(core, 'createMeeting', { boardId: seeded.boardId, date: '2014-07-22' });
    ok(core, 'addAgendaItem', { meetingId: seeded.laterMeetingId, title: 'Child engagement' });
    ok(core, 'circulateMinutes', { meetingId: seeded.laterMeetingId });
    ok(core, 'circulateMinutes', { meetingId: seeded.meetingId });
    const before = dump(core);
    expect(refused(core, 'agreeMinutes', { meetingId: seeded.meetingId, atMeetingId: seeded.laterMeetingId }).message).toMatch(
      /have been circulated without a “Minutes and actions arising” item/,
    );
    expect(dump(core)).toBe(before);
    // April's own minutes agreed in July; then nothing more can be recorded in April's.
    ok(core, 'agreeMinutes', { meetingId: seeded.laterMeetingId, atMeetingId: later.id });
    expect(refused(core, 'agreeMinutes', { meetingId: seeded.meetingId, atMeetingId: seeded.laterMeetingId }).message).toMatch(/are themselves already agreed/);
  });
});

describe('agreed minutes are frozen', () => {
  it('refuses every change through the API with a clear message', async () => {
    const { core, seeded } = await agreed();
    const minutes = ok<Minutes>(core, 'getMinutes', { meetingId: seeded.meetingId });
    expect(minutes.locked.content).toMatch(/agreed as accurate/);
    const item = minutes.items.find((i) => i.number === '1a')!;
    const action = minutes.items.find((i) => i.number === '1b')!.actions[0]!;
    const before = dump(core);
    for (const [method, payload] of [
      ['updateAgendaItem', { itemId: item.id, title: 'Changed' }],
      ['saveDiscussion', { itemId: item.id, json: '{"root":{"type":"root","children":[]}}' }],
      ['addAgendaItem', { meetingId: seeded.meetingId }],
      ['deleteAgendaItem', { itemId: item.id }],
      ['addDecision', { itemId: item.id, text: 'New' }],
      ['updateAction', { actionId: action.id, details: 'Changed' }],
      ['deleteAction', { actionId: action.id }],
      ['updateMeetingHeader', { meetingId: seeded.meetingId, venue: 'Elsewhere' }],
      ['circulateMinutes', { meetingId: seeded.meetingId }],
      ['agreeMinutes', { meetingId: seeded.meetingId, atMeetingId: seeded.laterMeetingId }],
    ] as const) {
      const error = refused(core, method, payload);
      expect(error.code, method).toBe('conflict');
      expect(error.message, method).toMatch(/agreed as accurate|the record|past circulation/);
    }
    expect(dump(core)).toBe(before);
  });

  it('refuses UPDATE and DELETE by direct SQL on every table of agreed minutes, and allows what later meetings record', async () => {
    const { core, seeded } = await agreed();
    const db = core.store!.db;
    const m = seeded.meetingId;
    const itemId = seeded.items['1a'] as string;
    const actionId = db.prepare('SELECT id FROM actions WHERE meeting_id = ? ORDER BY seq LIMIT 1').pluck().get(m) as string;
    const attendanceId = db.prepare('SELECT id FROM attendance WHERE meeting_id = ? LIMIT 1').pluck().get(m) as string;
    const before = dump(core);
    const statements: Array<[string, unknown[]]> = [
      ['UPDATE meetings SET venue = ? WHERE id = ?', ['Tooley Street', m]],
      ['UPDATE meetings SET meeting_date = ? WHERE id = ?', ['2014-02-20', m]],
      ['UPDATE meetings SET content_hash = ? WHERE id = ?', ['0'.repeat(64), m]],
      ["UPDATE meetings SET status = 'draft' WHERE id = ?", [m]],
      ['DELETE FROM meetings WHERE id = ?', [m]],
      ['UPDATE agenda_items SET title = ? WHERE id = ?', ['Changed', itemId]],
      ['UPDATE agenda_items SET discussion_text = ? WHERE id = ?', ['Changed', itemId]],
      ['DELETE FROM agenda_items WHERE id = ?', [itemId]],
      ["INSERT INTO agenda_items (id, meeting_id, position, number, created_at, updated_at) VALUES ('x', ?, 99, '99', 'now', 'now')", [m]],
      ['UPDATE decisions SET text = ? WHERE agenda_item_id = ?', ['Changed', itemId]],
      ['DELETE FROM decisions WHERE agenda_item_id = ?', [itemId]],
      ['UPDATE actions SET details = ? WHERE id = ?', ['Changed', actionId]],
      ['UPDATE actions SET reference = ? WHERE id = ?', ['X/1', actionId]],
      ['UPDATE actions SET due_text = ? WHERE id = ?', ['never', actionId]],
      ['DELETE FROM actions WHERE id = ?', [actionId]],
      ['UPDATE action_owners SET name_text = ?, member_id = NULL WHERE action_id = ?', ['Someone', actionId]],
      ['DELETE FROM action_owners WHERE action_id = ?', [actionId]],
      ['UPDATE attendance SET status = ? WHERE id = ?', ['absent', attendanceId]],
      ['DELETE FROM attendance WHERE id = ?', [attendanceId]],
      ['INSERT INTO attendance_items (attendance_id, agenda_item_id) VALUES (?, ?)', [attendanceId, itemId]],
      ["INSERT INTO carried_actions (meeting_id, action_id, position, status_before) VALUES (?, ?, 0, 'open')", [m, actionId]],
      ["INSERT INTO action_updates (id, action_id, meeting_id, text, status, recorded_at, updated_at) VALUES ('u', ?, ?, 'x', 'open', 'now', 'now')", [actionId, m]],
    ];
    for (const [sql, params] of statements) {
      expect(() => db.prepare(sql).run(...params), sql).toThrow(/agreed as accurate|the record/);
    }
    expect(dump(core)).toBe(before);

    // Later meetings record progress on the actions agreed here; publishing sets status and date.
    db.prepare("UPDATE actions SET status = 'done', closed_at_meeting_id = ?, updated_at = 'later' WHERE id = ?").run(seeded.laterMeetingId, actionId);
    db.prepare("UPDATE meetings SET status = 'published', published_at = 'now' WHERE id = ?").run(m);
    expect(() => db.prepare("UPDATE meetings SET status = 'agreed' WHERE id = ?").run(m)).toThrow(/the record/);
    // A correction is its own record: added, never changed or removed.
    db.prepare("INSERT INTO corrections (id, meeting_id, correction_date, what, why, created_at) VALUES ('c', ?, '2014-05-01', 'w', 'y', 'now')").run(m);
    expect(() => db.prepare("UPDATE corrections SET what = 'z' WHERE id = 'c'").run()).toThrow(/correction is part of the record/);
    expect(() => db.prepare("DELETE FROM corrections WHERE id = 'c'").run()).toThrow(/correction is part of the record/);
    expect(() => db.prepare("INSERT INTO corrections (id, meeting_id, correction_date, what, why, created_at) VALUES ('d', ?, '2014-05-01', 'w', 'y', 'now')").run(seeded.laterMeetingId)).toThrow(
      /Only minutes agreed as accurate take corrections/,
    );
  });

  it('keeps the owners as printed when the roster changes later', async () => {
    const { core, seeded } = await agreed();
    const af = core.store!.db.prepare("SELECT id FROM board_members WHERE board_id = ? AND initials = 'AF'").get(seeded.boardId) as { id: string };
    ok(core, 'updateRosterMember', { memberId: af.id, fullName: 'Ann Flynn', initials: 'AFl' });
    const html = htmlText(renderMeetingHtml(core.store!, seeded.meetingId, 'full').html);
    expect(html).toMatch(/All recommendations from item 1a agreed\s+AF\s/);
    expect(html).not.toContain('AFl');
    expect(ok<MinutesVerification>(core, 'verifyMinutes', { meetingId: seeded.meetingId }).matches).toBe(true);
  });
});

describe('the content hash', () => {
  it('still matches the agreed minutes, and detects one changed byte in a copy of the data file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'minutes.sqlite');
    const core = await startCore(file);
    const seeded = await seedFixtureMinutes(inProcess(core));
    ok(core, 'circulateMinutes', { meetingId: seeded.meetingId });
    const record = ok<MinutesRecord>(core, 'agreeMinutes', { meetingId: seeded.meetingId, atMeetingId: seeded.laterMeetingId });
    const check = ok<MinutesVerification>(core, 'verifyMinutes', { meetingId: seeded.meetingId });
    expect(check).toMatchObject({ matches: true, storedHash: record.agreement?.contentHash, currentHash: record.agreement?.contentHash });
    // Item 4's discussion as the file stores it (packed: store/discussionPacked.ts).
    const json = ok<Minutes>(core, 'getMinutes', { meetingId: seeded.meetingId }).items.find((i) => i.discussionText.includes('shadow safeguarding board'))?.discussionJson ?? '';
    const packed = packDiscussion(json) as Buffer;
    // No stale copies of old pages in the file: every occurrence of the discussion is a live row.
    core.store!.db.exec('VACUUM');
    core.close();

    // One byte of item 4's discussion changed in a copy, past the triggers, as a disk editor would:
    // the first byte from the middle on whose change still reads as a discussion, a different one.
    // The data file is encrypted: the byte is changed in a decrypted copy (no disk editor can read the file itself).
    const copy = path.join(tempDir(), 'copy.sqlite');
    decryptedCopy(file, copy);
    const bytes = fs.readFileSync(copy);
    const at = bytes.indexOf(packed);
    expect(at).toBeGreaterThan(0);
    const reads = (changed: Buffer): boolean => {
      try {
        const text = unpackDiscussion(changed);
        return text !== json && JSON.parse(text ?? '') !== null;
      } catch {
        return false;
      }
    };
    const offset = [...packed.keys()].slice(packed.length >> 1).find((i) => reads(Buffer.from(packed.map((b, j) => (j === i ? b ^ 0x01 : b)))));
    expect(offset).toBeDefined();
    bytes[at + offset!] = bytes[at + offset!]! ^ 0x01;
    fs.writeFileSync(copy, bytes);

    const tampered = await startCore(copy, {}, { openedBriefly: true });
    try {
      const verdict = ok<MinutesVerification>(tampered, 'verifyMinutes', { meetingId: seeded.meetingId });
      expect(verdict.matches).toBe(false);
      expect(verdict.storedHash).toBe(record.agreement?.contentHash);
      expect(verdict.currentHash).not.toBe(verdict.storedHash);
      const before = dump(tampered);
      expect(refused(tampered, 'publishMinutes', { meetingId: seeded.meetingId }).message).toMatch(/no longer match what was agreed/);
      expect(dump(tampered)).toBe(before);
    } finally {
      tampered.close();
    }
    const original = await startCore(file, {}, { openedBriefly: true });
    try {
      expect(ok<MinutesVerification>(original, 'verifyMinutes', { meetingId: seeded.meetingId }).matches).toBe(true);
    } finally {
      original.close();
    }
  });

  it('covers the amendments made at agreement', async () => {
    const a = await agreed(null);
    const b = await agreed('Item 2: “sign off in April” to read “sign off in May”.');
    expect(a.record.agreement?.contentHash).not.toBe(b.record.agreement?.contentHash);
  });
});

describe('corrections', () => {
  it('are stored with what, why and where they were agreed, and printed with the minutes, never as an edit', async () => {
    const { core, seeded } = await agreed();
    const july = ok<MeetingDetail>(core, 'createMeeting', { boardId: seeded.boardId, date: '2014-07-22' });
    const before = dump(core);
    expect(refused(core, 'recordCorrection', { meetingId: seeded.meetingId, date: '2014-03-01', what: 'x', why: 'y' })).toMatchObject({ field: 'date' });
    expect(refused(core, 'recordCorrection', { meetingId: seeded.meetingId, date: '2014-07-22', what: ' ', why: 'y' })).toMatchObject({ code: 'invalid_input', field: 'what' });
    expect(dump(core)).toBe(before);
    const record = ok<MinutesRecord>(core, 'recordCorrection', {
      meetingId: seeded.meetingId,
      date: '2014-07-22',
      what: 'Item 6a, action 10: the owner is Jackie Cook (JC) and EA, not "JC EA".',
      why: 'The owners were run together when the minutes were typed.',
      agreedAtMeetingId: july.id,
    });
    expect(record.corrections).toEqual([
      expect.objectContaining({
        date: '2014-07-22',
        what: 'Item 6a, action 10: the owner is Jackie Cook (JC) and EA, not "JC EA".',
        why: 'The owners were run together when the minutes were typed.',
        agreedAtMeetingId: july.id,
        agreedAtMeetingDate: '2014-07-22',
      }),
    ]);
    // The minutes themselves are as agreed; the correction is shown beside them.
    expect(ok<MinutesVerification>(core, 'verifyMinutes', { meetingId: seeded.meetingId }).matches).toBe(true);
    const text = htmlText(renderMeetingHtml(core.store!, seeded.meetingId, 'public').html).replace(/\s+/g, ' ');
    expect(text).toContain('Corrections');
    expect(text).toContain('22 July 2014 Item 6a, action 10: the owner is Jackie Cook (JC) and EA, not "JC EA". The owners were run together when the minutes were typed. Meeting of 22 July 2014');
    expect(core.store!.db.prepare("SELECT action FROM change_log WHERE entity = 'correction'").pluck().all()).toEqual(['create']);
  });
});

describe('the print HTML', () => {
  it('has the header, attendance with initials and roles, items with their discussion and the actions table', async () => {
    const { core, seeded } = await fixture();
    const doc = renderMeetingHtml(core.store!, seeded.meetingId, 'full');
    expect(doc.html).toMatch(/^<!DOCTYPE html><html lang="en-GB">/);
    expect(doc.html).toContain('<title>Minutes and Actions: Southwark Safeguarding Children Executive Board (sample), 19 February 2014 (full version, confidential)</title>');
    expect(doc.html).toContain('<meta name="author" content="Southwark Safeguarding Children Executive Board (sample)">');
    expect(doc.html).toMatch(/@font-face\{font-family:'Minutes Sans';font-weight:400;font-style:normal;src:url\(data:font\/ttf;base64,AAEAAA/);
    expect(doc.html).toContain('<caption>Present</caption>');
    expect(doc.html).toContain("<tr><td>Michael O&#39;Connor (Chair)</td><td class=\"initials\">MOC</td><td>Independent Chair</td></tr>");
    expect(doc.html).toContain('<td>Jonathon Toy – Item 3</td>');
    expect(doc.html).toContain(`<p><strong><em>AF explained the proposals for:</em></strong></p><ul>${ITEM_1A_LIST.map((l) => `<li>${l}</li>`).join('')}</ul>`);
    const text = htmlText(doc.html).replace(/\s+/g, ' ');
    expect(text).toContain(`Decisions and/or actions agreed Reference Details Action Due ${seeded.references[0]} All recommendations from item 1a agreed AF`);
    expect(text).toContain(`${seeded.references[1]} Review processes and terms of reference around new subgroups to ensure they strengthen existing governance arrangements AF & EA`);
    expect(text).toContain('DRAFT – subject to agreement');
    // The running header and the page numbers are @page margin boxes in the document's font.
    expect(doc.html).toContain('@top-left { content: "Minutes and Actions\\A Southwark Safeguarding Children Executive Board (sample)\\A 19 February 2014, 11.00 am – 1.00 pm";');
    expect(doc.html).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);');
    expect(doc.html).toContain('CONFIDENTIAL – full version\\A not for publication');
    // h1 for the document, h2 per item, h3 per sub-item: the PDF outline.
    expect(doc.html.match(/<h2>/g)).toHaveLength(6);
    expect(doc.html.match(/<h3>/g)).toHaveLength(5);
  });

  it('escapes everything typed, including in the page header', async () => {
    const core = await tempCore();
    const board = ok<BoardSummary>(core, 'createBoard', { name: 'Board "</style><script>x()</script>' });
    const meeting = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2014-02-19' });
    const { item } = ok<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId: meeting.id, title: '<img src=x onerror=alert(1)>' });
    ok(core, 'addDecision', { itemId: item.id, text: 'A & B <b>' });
    const html = renderMeetingHtml(core.store!, meeting.id, 'full').html;
    expect(html).not.toMatch(/<script|<img|<b>/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('A &amp; B &lt;b&gt;');
    expect(html).toContain('Board \\22 \\3C /style\\3E \\3C script\\3E x()\\3C /script\\3E ');
    expect(html.match(/<\/style>/g)).toHaveLength(1);
  });

  it('leaves confidential items out of the public version, as a placeholder or not at all, and marks the full one', async () => {
    const { core, seeded } = await fixture();
    ok(core, 'updateAgendaItem', { itemId: seeded.items['6c'], confidential: true });
    const full = htmlText(renderMeetingHtml(core.store!, seeded.meetingId, 'full').html);
    expect(full).toContain('Report of the IRO and CP chairs');
    expect(full).toContain('Confidential – not for publication');
    const publicDoc = renderMeetingHtml(core.store!, seeded.meetingId, 'public');
    const publicText = htmlText(publicDoc.html).replace(/\s+/g, ' ');
    expect(publicText).toContain('Item 6c: confidential – not for publication');
    for (const words of ['Report of the IRO', 'step down from child protection plan', 'LAC stocktake', seeded.references[12] as string]) {
      expect(publicText).not.toContain(words);
    }
    expect(publicDoc.html).not.toContain('CONFIDENTIAL – full version');
    expect(publicDoc.confidentialFragments).toContain('Report of the IRO and CP chairs');

    const settings = ok<BoardSettings>(core, 'getBoardSettings', { boardId: seeded.boardId });
    ok(core, 'updateBoardSettings', {
      boardId: seeded.boardId,
      name: settings.name,
      shortCode: settings.shortCode,
      referenceFormat: settings.referenceFormat,
      itemNumbering: settings.itemNumbering,
      quorumKind: 'none',
      confidentialDisplay: 'omit',
      agendaTemplate: settings.agendaTemplate,
      cadenceDays: settings.cadenceDays,
    });
    const omitted = htmlText(renderMeetingHtml(core.store!, seeded.meetingId, 'public').html);
    expect(omitted).not.toContain('6c');
    expect(omitted).not.toContain('confidential – not for publication');
  });

  it('prints the matters arising of a later meeting, leaving out in public those that stem from a confidential item', async () => {
    const { core, seeded } = await fixture();
    ok(core, 'updateAgendaItem', { itemId: seeded.items['6c'], confidential: true });
    const db = core.store!.db;
    // TEST SETUP: carry-forward is another feature; its rows are written as the schema says.
    const april = seeded.laterMeetingId;
    const action = (reference: string) => db.prepare('SELECT id FROM actions WHERE reference = ?').pluck().get(reference) as string;
    const carried = db.prepare("INSERT INTO carried_actions (meeting_id, action_id, position, status_before) VALUES (?, ?, ?, 'open')");
    const update = db.prepare("INSERT INTO action_updates (id, action_id, meeting_id, text, status, recorded_at, updated_at) VALUES (?, ?, ?, ?, ?, 'now', 'now')");
    carried.run(april, action('2014-02-19/2'), 0);
    carried.run(april, action('2014-02-19/13'), 1);
    carried.run(april, action('2014-02-19/8'), 2);
    update.run('u1', action('2014-02-19/2'), april, 'AF and EA reviewed the terms of reference; the sub-groups start in May.', 'done');
    update.run('u2', action('2014-02-19/13'), april, 'JC has begun the step-down analysis for the quarterly report.', 'in_progress');
    ok(core, 'addAgendaItem', { meetingId: april, title: 'Minutes and actions arising' });
    ok(core, 'circulateMinutes', { meetingId: seeded.meetingId });
    ok(core, 'agreeMinutes', { meetingId: seeded.meetingId, atMeetingId: april });

    const full = htmlText(renderMeetingHtml(core.store!, april, 'full').html).replace(/\s+/g, ' ');
    expect(full).toContain('1. Minutes and actions arising');
    expect(full).toContain(
      'Actions arising from earlier meetings Reference Action Owner Update Status ' +
        '2014-02-19/2 Review processes and terms of reference around new subgroups to ensure they strengthen existing governance arrangements AF & EA AF and EA reviewed the terms of reference; the sub-groups start in May. Done ' +
        '2014-02-19/13 Further analysis of step down from child protection plan and ¼ reporting from head of quality assurance re child protection, and independent reporting officers JC JC has begun the step-down analysis for the quarterly report. In progress ' +
        '2014-02-19/8 Proposals to constitute a shadow board to be taken forward as set out in the paper. AF Open',
    );
    expect(full).toContain('The minutes of the meeting held on 19 February 2014 were reviewed and agreed as accurate.');
    const publicDoc = renderMeetingHtml(core.store!, april, 'public');
    const publicText = htmlText(publicDoc.html).replace(/\s+/g, ' ');
    expect(publicText).toContain('2014-02-19/2 Review processes');
    expect(publicText).not.toContain('2014-02-19/13');
    expect(publicText).not.toContain('step-down analysis');
    expect(publicDoc.confidentialFragments).toContain('JC has begun the step-down analysis for the quarterly report.');
  });

  it('prints the agreement and the content hash instead of the draft watermark once agreed', async () => {
    const { core, seeded, record } = await agreed('Item 2: “sign off in April” to read “sign off in May”.');
    const text = htmlText(renderMeetingHtml(core.store!, seeded.meetingId, 'public').html).replace(/\s+/g, ' ');
    expect(text).not.toContain('DRAFT');
    expect(text).toContain('Agreed as accurate on 10 April 2014, at the meeting of 10 April 2014.');
    expect(text).toContain('Amendments made at agreement: Item 2: “sign off in April” to read “sign off in May”.');
    expect(text).toContain(`Content hash (SHA-256): ${record.agreement?.contentHash}`);
    expect(FIXTURE_DATE).toBe('2014-02-19');
  });
});
