// A board's settings (numbering, references, quorum, recurring agenda) and its standing groups.
import { CONFIDENTIAL_DISPLAYS, GROUP_KINDS, ITEM_NUMBERINGS, QUORUM_KINDS, type ConfidentialDisplay, type GroupKind, type ItemNumbering } from '../domain/enums';
import { z } from 'zod';
import { parseQuorumFraction, type QuorumRule } from '../domain/quorum';
import { checkReferenceFormat } from '../domain/references';
import { LIMITS, boardName, id, method, shortCode } from './common';

export type { ConfidentialDisplay, GroupKind, ItemNumbering };

export interface BoardSettings {
  boardId: string;
  name: string;
  shortCode: string | null;
  /** date-fns tokens for the meeting date plus {n}, e.g. yyyy-MM-dd/{n}. */
  referenceFormat: string;
  itemNumbering: ItemNumbering;
  quorum: QuorumRule;
  confidentialDisplay: ConfidentialDisplay;
  /** Titles of the items every agenda starts with. */
  agendaTemplate: string[];
  /** Usual days between meetings. */
  cadenceDays: number | null;
  /** Voting members on the roster today: what a fraction quorum is taken of. */
  currentMemberCount: number;
}

export interface BoardGroup {
  id: string;
  boardId: string;
  name: string;
  kind: GroupKind;
  position: number;
  /** Roster members of a sub-group. */
  memberIds: string[];
  /** Actions this group owns: a group that owns any cannot be deleted. */
  actionCount: number;
}

export interface MinutesStyle {
  boardId: string;
  numbering: ItemNumbering;
  referenceFormat: string;
}

export const referenceFormat = z.string({ message: 'Enter a reference format.' }).superRefine((fmt, ctx) => {
  const check = checkReferenceFormat(fmt);
  if (!check.ok) ctx.addIssue({ code: 'custom', message: check.message });
});

export const groupKind = z.enum(GROUP_KINDS, { message: 'Choose what kind of group this is.' });

export const settingsMethods = {
  getBoardSettings: method<BoardSettings>()(z.strictObject({ boardId: id })),
  updateBoardSettings: method<BoardSettings>()(
    z
      .strictObject({
        boardId: id,
        name: boardName,
        shortCode: shortCode.nullable().optional(),
        referenceFormat,
        itemNumbering: z.enum(ITEM_NUMBERINGS, { message: 'Choose how agenda items are numbered.' }),
        quorumKind: z.enum(QUORUM_KINDS, { message: 'Choose a quorum rule.' }),
        quorumCount: z
          .number({ message: 'Enter the number of members needed for a quorum.' })
          .int({ message: 'A quorum is a whole number of members.' })
          .min(1, { message: 'A quorum needs at least one member.' })
          .max(1000, { message: 'A quorum can be at most 1000 members.' })
          .nullable()
          .optional(),
        quorumFraction: z.string().trim().max(20, { message: 'Write the fraction like 1/3.' }).nullable().optional(),
        confidentialDisplay: z.enum(CONFIDENTIAL_DISPLAYS, { message: 'Choose how confidential items show in the public minutes.' }),
        agendaTemplate: z
          .array(
            z
              .string()
              .trim()
              .min(1, { message: 'An agenda item in the template cannot be blank.' })
              .max(LIMITS.agendaTemplateItem, { message: `An agenda item title can be at most ${LIMITS.agendaTemplateItem} characters.` }),
          )
          .max(LIMITS.agendaTemplateItems, { message: `The recurring agenda can have at most ${LIMITS.agendaTemplateItems} items.` }),
        cadenceDays: z
          .number({ message: 'Enter the usual number of days between meetings.' })
          .int({ message: 'Enter a whole number of days.' })
          .min(1, { message: 'Meetings are at least a day apart.' })
          .max(732, { message: 'Enter at most 732 days (two years).' })
          .nullable()
          .optional(),
      })
      .superRefine((s, ctx) => {
        if (s.quorumKind === 'count' && (s.quorumCount === null || s.quorumCount === undefined)) {
          ctx.addIssue({ code: 'custom', message: 'Enter the number of members needed for a quorum.', path: ['quorumCount'] });
        }
        if (s.quorumKind === 'fraction') {
          const parsed = parseQuorumFraction(s.quorumFraction ?? '');
          if ('problem' in parsed) ctx.addIssue({ code: 'custom', message: parsed.problem, path: ['quorumFraction'] });
        }
      }),
  ),
  setMinutesStyle: method<MinutesStyle>()(
    z.strictObject({
      boardId: id,
      numbering: z.enum(ITEM_NUMBERINGS, { message: 'Numbering is 1, 1a, 1b or 1, 1.1, 1.2.' }).optional(),
      referenceFormat: referenceFormat.optional(),
    }),
  ),
  listGroups: method<BoardGroup[]>()(z.strictObject({ boardId: id })),
  saveGroup: method<BoardGroup>()(
    z.strictObject({
      boardId: id,
      groupId: id.optional(),
      name: z
        .string({ message: 'Enter the group’s name.' })
        .trim()
        .min(1, { message: 'Enter the group’s name.' })
        .max(LIMITS.groupName, { message: `A group name can be at most ${LIMITS.groupName} characters.` }),
      kind: groupKind,
      memberIds: z.array(id).max(1000).optional(),
    }),
  ),
  deleteGroup: method<{ deleted: true }>()(z.strictObject({ groupId: id })),
} as const;
