// The public PDF's check for confidential text reads the same derivation of a discussion that the
// PDF prints from (its Lexical JSON, walked by shared/domain/discussion.ts), never a plain text
// the client sent or the file kept: a passage typed only into the JSON is still caught.
import { describe, expect, it } from 'vitest';
import type { BoardSummary, MeetingDetail, MinutesItem, MinutesPdfExport } from '../../shared/contract';
import { startCore, type Core } from '../../electron/core/app';
import { printHtmlToPdf } from '../../electron/pdf/print';
import { ok, tempDir } from '../helpers/temp';
import { pdfTextPages, squashed } from '../helpers/pdf';
import path from 'node:path';

const PASSAGE = 'The head of service will step down at the end of March';

const text = (t: string, format = 0) => ({ type: 'text', text: t, format, detail: 0, mode: 'normal', style: '', version: 1 });
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children, direction: 'ltr', format: '', indent: 0, version: 1 });
const listItem = (...children: unknown[]) => ({ type: 'listitem', value: 1, children, direction: 'ltr', format: '', indent: 0, version: 1 });
const bullets = (...children: unknown[]) => ({ type: 'list', listType: 'bullet', start: 1, tag: 'ul', children, direction: 'ltr', format: '', indent: 0, version: 1 });
const doc = (...children: unknown[]) => JSON.stringify({ root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 } });

/** The passage deep in the JSON: in a nested list item, part of it emphasised and part a link. */
const CONFIDENTIAL_JSON = doc(
  paragraph(text('Staffing was discussed in closed session.')),
  bullets(
    listItem(text('Recruitment')),
    listItem(
      bullets(
        listItem(
          text('The head of service ', 0),
          text('will step down', 2),
          { type: 'link', url: 'https://example.org/hr', children: [text(' at the end of March')], direction: 'ltr', format: '', indent: 0, version: 1 },
        ),
      ),
    ),
  ),
);

async function minutesWithPassage(): Promise<{ core: Core; meetingId: string; confidentialId: string }> {
  const core = await startCore(path.join(tempDir(), 'data.sqlite'), {}, { openedBriefly: true, printPdf: printHtmlToPdf });
  const board = ok<BoardSummary>(core, 'createBoard', { name: 'Executive Board' });
  const meeting = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2014-02-19' });
  const add = (title: string) => ok<{ item: MinutesItem }>(core, 'addAgendaItem', { meetingId: meeting.id, title }).item;
  const confidential = add('Staffing');
  ok(core, 'updateAgendaItem', { itemId: confidential.id, confidential: true });
  ok(core, 'saveDiscussion', { itemId: confidential.id, json: CONFIDENTIAL_JSON });
  const open = add('Any other business');
  ok(core, 'saveDiscussion', { itemId: open.id, json: doc(paragraph(text(`AF reported that ${PASSAGE.toLowerCase()}.`))) });
  return { core, meetingId: meeting.id, confidentialId: confidential.id };
}

const exportPdf = (core: Core, meetingId: string, version: 'public' | 'full') => core.callAsync('exportMinutesPdf', { meetingId, version });

describe('the public PDF and a passage only the JSON holds', () => {
  it('refuses the public version, naming the confidential item, and still prints the full one with the passage', async () => {
    const { core, meetingId } = await minutesWithPassage();
    try {
      expect(await exportPdf(core, meetingId, 'public')).toMatchObject({
        ok: false,
        error: { code: 'conflict', message: expect.stringContaining('contains text from confidential item 1 (') as unknown },
      });
      const full = (await exportPdf(core, meetingId, 'full')) as { ok: true; value: MinutesPdfExport };
      expect(full.ok).toBe(true);
      expect(squashed(pdfTextPages(Buffer.from(full.value.pdfBase64 ?? '', 'base64')).join(''))).toContain(squashed(PASSAGE));
    } finally {
      core.close();
    }
  }, 60_000);

  it('refuses it too when the stored plain text of the confidential item disagrees with its JSON (an old file)', async () => {
    const { core, meetingId, confidentialId } = await minutesWithPassage();
    try {
      core.store!.db.prepare('UPDATE agenda_items SET discussion_text = ? WHERE id = ?').run('Nothing to see here.', confidentialId);
      expect(await exportPdf(core, meetingId, 'public')).toMatchObject({
        ok: false,
        error: { code: 'conflict', message: expect.stringContaining('contains text from confidential item 1 (') as unknown },
      });
    } finally {
      core.close();
    }
  }, 60_000);
});
