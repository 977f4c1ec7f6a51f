// electron/pdf/print.ts: HTML to PDF with the system's Chromium, tagged, nothing fetched.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActionLog, ActionLogPdf, BoardSummary, MeetingDetail, MinutesItem } from '../../shared/contract';
import { startCore } from '../../electron/core/app';
import { printHtmlToPdf } from '../../electron/pdf/print';
import { ok, okAsync, tempCore, tempDir } from '../helpers/temp';

describe('printing HTML to PDF', () => {
  it('gives a tagged PDF with an outline and page numbers, and never fetches anything', async () => {
    let requests = 0;
    const server = http.createServer((_req, res) => {
      requests += 1;
      res.end('');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const html = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Action log</title>
        <link rel="stylesheet" href="http://127.0.0.1:${port}/style.css">
        <style>@page { size: A4; margin: 20mm; }</style></head>
        <body><h1>Action log</h1><h2>EA – Elaine Allegretti</h2><p>Review processes and terms of reference</p>
        <img alt="" src="http://127.0.0.1:${port}/logo.png"></body></html>`;
      const pdf = await printHtmlToPdf(html, {
        footerTemplate: '<div style="font-size: 8pt">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
        tagged: true,
        outline: true,
      });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = pdf.toString('latin1');
      expect(text).toContain('/StructTreeRoot');
      expect(text).toContain('/Outlines');
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });
});

describe('the action log as a PDF', () => {
  it('prints the filtered log through the host’s printer, and refuses clearly where there is none', async () => {
    const printed: string[] = [];
    const core = await startCore(path.join(tempDir(), 'data.sqlite'), {}, {
      printPdf: (html, options) => {
        printed.push(html);
        return printHtmlToPdf(html, options);
      },
    });
    try {
      const board = ok<BoardSummary>(core, 'createBoard', { name: 'Executive Board' });
      const meeting = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2014-02-19' });
      const item = ok<{ item: MinutesItem }>(core, 'addAgendaItem', { meetingId: meeting.id, title: 'Early help' }).item;
      ok(core, 'addAction', { itemId: item.id, details: 'Review processes and terms of reference', owners: [{ name: 'AF' }, { name: 'EA' }] });
      ok(core, 'addAction', { itemId: item.id, details: 'Scorecard to be reissued', owners: [{ name: 'RP' }] });
      const log = ok<ActionLog>(core, 'outstandingActions', {});
      const ea = log.actions[0]!.owners.find((o) => o.kind === 'name' && o.name === 'EA')!;
      const result = await okAsync<ActionLogPdf>(core, 'exportActionLogPdf', { filter: { owner: ea.key }, sort: { by: 'due', descending: false } });
      expect(result.count).toBe(1);
      expect(result.filename).toMatch(/^Executive Board action log EA \d{4}-\d{2}-\d{2}\.pdf$/);
      expect(Buffer.from(result.pdfBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(printed[0]).toContain('Review processes and terms of reference');
      expect(printed[0]).not.toContain('Scorecard to be reissued');
    } finally {
      core.close();
    }
    const plain = await tempCore();
    const refusedHere = await plain.callAsync('exportActionLogPdf', { filter: {} });
    expect(refusedHere).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
