// Who the imported minutes name, resolved against the board's roster as it stood at each meeting:
// people already on it by name, newcomers added with the initials printed (another initials
// when those are someone else's, reported), and the roster as it grows through one import.
import { initialsKey, initialsProblem, suggestInitials } from '../../../shared/domain/initials';
import type { LegacyPerson, LegacyWarning } from '../../../shared/domain/legacy/model';
import type { ReadHandle } from '../store/write';

export const personKey = (name: string): string => name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('en-GB');

/** Someone on the roster: there already (`memberId`), or added by this import. */
export interface RosterPerson {
  key: string;
  memberId: string | null;
  fullName: string;
  initials: string;
  role: string | null;
  joinedOn: string | null;
  leftOn: string | null;
  /** A voting member; people only ever there for particular items are not. */
  isMember: boolean;
}

export class RosterState {
  readonly people: RosterPerson[];
  /** People this import adds, in the order it meets them. */
  readonly added: RosterPerson[] = [];

  constructor(people: RosterPerson[]) {
    this.people = people;
  }

  static load(db: ReadHandle['db'], boardId: string | null): RosterState {
    if (!boardId) return new RosterState([]);
    const rows = db
      .prepare(
        `SELECT bm.id, p.full_name, bm.initials, bm.role, bm.joined_on, bm.left_on, bm.is_member
         FROM board_members bm JOIN people p ON p.id = bm.person_id WHERE bm.board_id = ? ORDER BY bm.created_at, bm.id`,
      )
      .all(boardId) as Array<{ id: string; full_name: string; initials: string; role: string | null; joined_on: string | null; left_on: string | null; is_member: number }>;
    return new RosterState(
      rows.map((r) => ({
        key: r.id,
        memberId: r.id,
        fullName: r.full_name,
        initials: r.initials,
        role: r.role,
        joinedOn: r.joined_on,
        leftOn: r.left_on,
        isMember: r.is_member === 1,
      })),
    );
  }

  /** On the roster on `date` (joined by then, not yet left). */
  static servingOn(p: RosterPerson, date: string): boolean {
    return (!p.joinedOn || p.joinedOn <= date) && (!p.leftOn || p.leftOn >= date);
  }

  /** Someone by name, preferring whoever served on `date` when two share a name. */
  byName(name: string, date: string): RosterPerson | undefined {
    const same = this.people.filter((p) => personKey(p.fullName) === personKey(name));
    return same.find((p) => RosterState.servingOn(p, date)) ?? same[0];
  }

  byInitials(initials: string): RosterPerson | undefined {
    return this.people.find((p) => initialsKey(p.initials) === initialsKey(initials));
  }

  /**
   * The roster entry for a person the minutes list: found by name, or added with the initials
   * printed. Initials that are someone else's on the roster are normal across years (JS was Jane
   * Shuttleworth, later Jay Stickland); the newcomer gets free initials and the clash is reported.
   */
  resolve(person: LegacyPerson, date: string, itemsOnly: boolean, warnings: LegacyWarning[]): RosterPerson {
    const found = this.byName(person.name, date);
    if (found) {
      if (person.initials && initialsKey(person.initials) !== initialsKey(found.initials)) {
        warnings.push({
          kind: 'initials_clash',
          item: null,
          message: `${person.name} is printed as ${person.initials} here but is ${found.initials} on the roster; these minutes keep ${person.initials}.`,
        });
      }
      if (!itemsOnly && found.memberId === null) found.isMember = true;
      return found;
    }
    const taken = this.people.map((p) => p.initials);
    const printed = person.initials && !initialsProblem(person.initials) ? person.initials : null;
    if (person.initials && !printed) {
      warnings.push({ kind: 'initials_clash', item: null, message: `“${person.initials}” printed for ${person.name} cannot be initials on the roster (${initialsProblem(person.initials)}); they are added with suggested initials.` });
    }
    let initials = printed ?? suggestInitials(person.name, taken);
    const holder = this.byInitials(initials);
    if (holder && printed) {
      initials = suggestInitials(person.name, taken);
      warnings.push({
        kind: 'initials_clash',
        item: null,
        message: `${person.initials} is ${holder.fullName} on the roster, so ${person.name} is added as ${initials}; these minutes keep ${person.initials}.`,
      });
    }
    const added: RosterPerson = {
      key: `new:${personKey(person.name)}`,
      memberId: null,
      fullName: person.name,
      initials,
      role: person.role,
      joinedOn: date,
      leftOn: null,
      isMember: !itemsOnly,
    };
    this.people.push(added);
    this.added.push(added);
    return added;
  }
}
