// The minutes as a document to read on screen: the HTML publication's body (the same print model
// and HTML as the PDF and the web version), fitted to sit inside the app's page.
import type { MinutesDocumentView } from '../../../shared/contract/minutesView';
import type { Store } from '../db/open';
import { renderMinutesHtml } from '../publication/minutesHtml';
import { loadPrintModel } from '../publication/printModel';

const MAIN_OPEN = '<main id="minutes">';
const MAIN_CLOSE = '</main>';

/**
 * The publication's body, minus what only a standalone page needs: its skip link (the app has its
 * own) and its <main> landmark (the app's page already sits in one, and landmarks do not nest).
 */
export function embeddableBody(html: string): string {
  const start = html.indexOf('<body>');
  const end = html.lastIndexOf('</body>');
  if (start < 0 || end < start) throw new Error('The minutes HTML has no body.');
  let body = html.slice(start + '<body>'.length, end);
  body = body.replace(/^<a class="skip-link"[^>]*>[^<]*<\/a>/, '');
  const open = body.indexOf(MAIN_OPEN);
  const close = body.lastIndexOf(MAIN_CLOSE);
  if (open >= 0 && close > open) {
    body = `${body.slice(0, open)}<div class="minutes-document-main">${body.slice(open + MAIN_OPEN.length, close)}</div>${body.slice(close + MAIN_CLOSE.length)}`;
  }
  return body;
}

export function getMinutesDocument(store: Store, input: { meetingId: string }): MinutesDocumentView {
  const model = loadPrintModel(store, input.meetingId);
  const { html } = renderMinutesHtml(model, 'full', { web: true });
  return { meetingId: input.meetingId, html: embeddableBody(html) };
}
