// The chair's view: the briefing (on screen and as PDF) and one person's actions across boards.
import type { briefingMethods } from '../../../shared/contract/briefing';
import { DomainError } from '../errors';
import { onStore, requireStore, type FeatureHandlers } from '../handler';
import { getBriefing, listPeople, myActions } from './briefing';
import { renderBriefingHtml } from './briefingHtml';
import { ACTION_LOG_PDF_FOOTER } from '../actionLog/actionLogHtml';
import { safeFileName } from '../../../shared/domain/fileNames';


export const briefingHandlers: FeatureHandlers<typeof briefingMethods> = {
  getBriefing: onStore(getBriefing),
  exportBriefingPdf: async (ctx, input) => {
    const briefing = getBriefing(requireStore(ctx), input);
    const print = ctx.hooks.printPdf;
    if (!print) throw new DomainError('conflict', 'Printing to PDF is not available in this window. Open the app itself to make the PDF.');
    let pdf: Uint8Array;
    try {
      pdf = await print(renderBriefingHtml(briefing), { headerTemplate: '<span></span>', footerTemplate: ACTION_LOG_PDF_FOOTER, tagged: true, outline: true, landscape: false });
    } catch (err) {
      console.error('[pdf] printing the briefing failed', err);
      throw new DomainError('conflict', 'The PDF could not be made: the built-in Chromium did not print it. Try again.');
    }
    return { filename: `${safeFileName(briefing.boardName)} briefing ${briefing.today}.pdf`, pdfBase64: Buffer.from(pdf).toString('base64') };
  },
  listPeople: onStore((store) => listPeople(store)),
  myActions: onStore(myActions),
};
