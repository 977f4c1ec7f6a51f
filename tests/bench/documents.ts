// Bench rows for the Word and HTML exports: the 30-page minutes the PDF row prints, written as a
// .docx (render, pack, read back and check) and as the accessible HTML publication (render, check).
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startCore, type Core } from '../../electron/core/app';
import type { Report } from './harness';

export async function minutesDocuments(report: Report, dir: string, makeMeeting: (core: Core, boardId: string) => Promise<string>): Promise<void> {
  const { buildMinutesDocx, buildMinutesWebHtml } = await import('../../electron/core/documents/minutesDocuments');
  const core = await startCore(path.join(dir, 'documents.sqlite'), {}, { openedBriefly: true });
  try {
    const created = core.call('createBoard', { name: 'Southwark Safeguarding Children Executive Board' });
    if (!created.ok) throw new Error(created.error.message);
    const meetingId = await makeMeeting(core, (created.value as { id: string }).id);
    const store = core.store!;
    const docx: number[] = [];
    let size = 0;
    for (let i = 0; i < 10; i++) {
      const start = performance.now();
      size = (await buildMinutesDocx(store, meetingId, 'public')).bytes.length;
      docx.push(performance.now() - start);
    }
    report.add('30-page minutes to .docx (public version: render, pack, read back, check)', docx, { note: `${Math.round(size / 1024)} KB` });
    const html: number[] = [];
    for (let i = 0; i < 10; i++) {
      const start = performance.now();
      size = buildMinutesWebHtml(store, meetingId, 'public').bytes.length;
      html.push(performance.now() - start);
    }
    report.add('30-page minutes to accessible .html (public version: render, check)', html, { note: `${Math.round(size / 1024)} KB` });
  } finally {
    core.close();
  }
}
