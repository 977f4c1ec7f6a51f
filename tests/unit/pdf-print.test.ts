// electron/pdf/print.ts: HTML to PDF with the system's Chromium, tagged, nothing fetched.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, printHtmlToPdf } from '../../electron/pdf/print';

describe.runIf(fs.existsSync(CHROMIUM_PATH))('printing HTML to PDF', () => {
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
