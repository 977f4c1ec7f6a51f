// Declarations of interest and the chair's signature block in the minutes' HTML (print and web):
// every declaration in the standing item (or a section of their own before the items), each
// item's own under it, and the signature block after the agreement.
import type { PdfVersion } from '../../../shared/contract';
import { escapeHtml as e } from './discussionHtml';
import { declarationSentence, shownDeclarations } from './printDeclarations';
import type { PrintItem, PrintModel } from './printModel';

/** Every declaration the version shows, as a table: in the standing item, or (none) in a section before the items. */
export function declarationsTableHtml(model: PrintModel, version: PdfVersion): string {
  const shown = shownDeclarations(model, version);
  if (shown.length === 0) return '';
  const rows = shown
    .map((d) => `<tr><td>${e(d.who)}</td><td>${e(d.itemNumber ?? '')}</td><td>${e(d.interest)}</td><td>${e(d.participation)}</td></tr>`)
    .join('');
  return (
    `<table class="declarations"><caption>Declarations of interest</caption><thead><tr><th scope="col">Who</th><th scope="col">Item</th>` +
    `<th scope="col">Interest declared</th><th scope="col">For the item</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

/** Declarations made before the items when the agenda has no standing item for them. */
export function declarationsSectionHtml(model: PrintModel, version: PdfVersion): string {
  if (model.standingItemId && model.items.some((i) => i.id === model.standingItemId && (version === 'full' || !i.confidential))) return '';
  const table = declarationsTableHtml(model, version);
  return table ? `<section class="declarations-section" aria-label="Declarations of interest">${table}</section>` : '';
}

/** What an item prints of declarations: the whole table in the standing item, the item's own in any other. */
export function itemDeclarationsHtml(model: PrintModel, item: PrintItem, version: PdfVersion): string {
  if (item.id === model.standingItemId) return declarationsTableHtml(model, version);
  const own = shownDeclarations(model, version).filter((d) => d.itemId === item.id);
  return own.map((d) => `<p class="declaration">${e(declarationSentence(d, false))}</p>`).join('');
}

export const SIGNATURE_LINES = ['Signed as a correct record', 'Chair', 'Date'] as const;

export function signatureHtml(model: PrintModel): string {
  if (!model.signatureBlock) return '';
  return (
    `<section class="signature" aria-label="Signature"><p><strong>${SIGNATURE_LINES[0]}</strong></p>` +
    `<p class="sign-line">${SIGNATURE_LINES[1]}: <span class="blank"></span></p><p class="sign-line">${SIGNATURE_LINES[2]}: <span class="blank"></span></p></section>`
  );
}

export const DECLARATIONS_CSS = `
.declaration { font-style: italic; }
.signature { margin-top: 24pt; break-inside: avoid; }
.sign-line { margin-top: 18pt; }
.sign-line .blank { display: inline-block; width: 60mm; border-bottom: 0.8pt solid #000; }
`;
