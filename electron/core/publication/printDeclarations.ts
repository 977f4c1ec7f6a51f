// The declarations of interest of the print model, from the meeting's one record: who declared
// (named as the attendance names them), on which item, and what they did for it.
import { PARTICIPATION_PRINTED } from '../../../shared/domain/interests';
import { standingItemOf } from '../interests/declarations';
import type { MeetingRecord } from '../store/meetingRecord';

/** A declaration of interest as the minutes print it. */
export interface PrintDeclaration {
  /** "Jane Smith (JS)", as the meeting's attendance names them. */
  who: string;
  /** The item it was made on; null when made under the standing item or at the start. */
  itemId: string | null;
  itemNumber: string | null;
  interest: string;
  /** "left the room for the item", as the sentence in the minutes ends. */
  participation: string;
}

/** The model's declarations that a version shows: the public one leaves out those made on confidential items. */
export function shownDeclarations(
  model: { declarations: readonly PrintDeclaration[]; items: ReadonlyArray<{ id: string; confidential: boolean }> },
  version: 'public' | 'full',
): PrintDeclaration[] {
  if (version === 'full') return [...model.declarations];
  const confidential = new Set(model.items.filter((i) => i.confidential).map((i) => i.id));
  return model.declarations.filter((d) => !d.itemId || !confidential.has(d.itemId));
}

/** One declaration as a sentence of the minutes. */
export function declarationSentence(d: PrintDeclaration, withItem: boolean): string {
  const on = withItem && d.itemNumber ? ` in item ${d.itemNumber}` : '';
  return `${d.who} declared an interest${on}: ${d.interest.replace(/[.\s]+$/, '')}; ${d.participation}.`;
}

export function printedDeclarations(record: MeetingRecord): { declarations: PrintDeclaration[]; standingItemId: string | null } {
  const numbers = new Map(record.items.map((i) => [i.id, i.number]));
  return {
    declarations: record.declarations.map((d) => ({
      who: d.initials ? `${d.name} (${d.initials})` : d.name,
      itemId: d.agendaItemId,
      itemNumber: d.agendaItemId ? (numbers.get(d.agendaItemId) ?? null) : null,
      interest: d.interest,
      participation: PARTICIPATION_PRINTED[d.participation],
    })),
    standingItemId: standingItemOf(record.items)?.id ?? null,
  };
}
