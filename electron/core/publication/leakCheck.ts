// The one check that keeps confidential items out of a public version, whatever the format: the
// text of the produced file (the PDF's extracted text, the .docx's own XML, the HTML's text) is
// searched for every passage of a confidential item; one found, nothing is exported.
import { findLeaks, squash } from '../../../shared/domain/confidential';
import { conflict } from '../errors';
import type { PrintModel } from './printModel';

function refuseLeaks(leaks: string[], model: Pick<PrintModel, 'items'>, where: string): void {
  if (leaks.length === 0) return;
  const item = model.items.find((i) => i.confidential && leaks.some((l) => [i.title, i.discussionText, ...i.decisions, ...i.actions.map((a) => a.details)].some((t) => t.includes(l))));
  const example = leaks[0] as string;
  throw conflict(
    `The public version was not exported: ${where} contains text from ${item ? `confidential item ${item.number}` : 'a confidential item'} (“${example.length > 80 ? `${example.slice(0, 77)}…` : example}”). ` +
      'Take that text out of the items that are not confidential, or export the full version for members instead.',
  );
}

/**
 * Refuses a public version whose text holds a passage of a confidential item. `readBack` says the
 * text was read back out of the produced file: if it does not even hold the document's title, the
 * reading failed, and an unchecked file is never handed over.
 */
export function refusePublicLeaks(model: Pick<PrintModel, 'items'>, fragments: readonly string[], text: string, where: string, readBack = false): void {
  if (readBack && !squash(text).includes(squash('Minutes and Actions'))) {
    throw conflict(`The public version was not exported: the text of ${where} could not be read back to check it for confidential items.`);
  }
  if (fragments.length > 0) refuseLeaks(findLeaks(fragments, text), model, where);
}
