// Agreed minutes on screen are the printed document: the HTML publication's body from the one
// print model, fitted into the app's page (no second <main>, no skip link, no <script>).
import { describe, expect, it } from 'vitest';
import type { MeetingSummary, MinutesDocumentView, SampleBoardResult } from '../../shared/contract';
import { embeddableBody } from '../../electron/core/minutesView/minutesDocument';
import { renderMeetingHtml } from '../../electron/core/publication/minutesHtml';
import { ok, tempCore } from '../helpers/temp';

describe('the minutes as a document on screen', () => {
  it('is the publication body of the agreed minutes: items, decisions, actions, agreement and hash, with no main landmark or skip link', async () => {
    const core = await tempCore();
    const { board } = ok<SampleBoardResult>(core, 'loadSampleBoard', {});
    const feb = ok<MeetingSummary[]>(core, 'listMeetings', { boardId: board.id }).find((m) => m.date === '2014-02-19')!;
    const view = ok<MinutesDocumentView>(core, 'getMinutesDocument', { meetingId: feb.id });
    expect(view.meetingId).toBe(feb.id);
    expect(view.html).toContain('<h2>1. Minutes and actions arising</h2>');
    expect(view.html).toContain('<caption>Decisions and/or actions agreed</caption>');
    expect(view.html).toContain('All recommendations from item 1a agreed');
    expect(view.html).toMatch(/Agreed as accurate on 10 April 2014/);
    expect(view.html).toMatch(/<span class="hash-value">[0-9a-f]{64}<\/span>/);
    expect(view.html).not.toMatch(/<main\b|<\/main>|skip-link|<script|<style|<body|<html/i);
    // The same words as the printed minutes: one reader, one renderer.
    const printed = renderMeetingHtml(core.store!, feb.id, 'full').html;
    for (const text of ['1a. Update on SSCB sub-groups and s11 process for 2014', 'Content hash (SHA-256)']) {
      expect(printed).toContain(text);
      expect(view.html).toContain(text);
    }
  });

  it('keeps what stands between the skip link and </body>, turning only the one <main> into a <div>', () => {
    const html = '<!DOCTYPE html><html><head><style>p{}</style></head><body><a class="skip-link" href="#minutes">Skip to the minutes</a><header><h1>T</h1></header><main id="minutes"><p>x</p><div class="items"></div></main></body></html>';
    expect(embeddableBody(html)).toBe('<header><h1>T</h1></header><div class="minutes-document-main"><p>x</p><div class="items"></div></div>');
  });

  it('refuses a meeting that does not exist, with a clear message', async () => {
    const core = await tempCore();
    const res = core.call('getMinutesDocument', { meetingId: '00000000-0000-4000-8000-000000000000' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toMatch(/meeting/i);
  });
});
