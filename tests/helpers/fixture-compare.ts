// TEST SETUP ONLY: compares a meeting read from legacy minutes with its fixture JSON, field by field.
import { expect } from 'vitest';
import type { LegacyMeeting } from '../../shared/domain/legacy/model';
import type feb from '../fixtures/2014-02-19.json';

export type Fixture = typeof feb;

/** Compares a read meeting with its fixture JSON, field by field. */
export function expectMatchesFixture(got: LegacyMeeting, want: Fixture): void {
  expect(got.board).toBe(want.board);
  expect(got.date).toBe(want.date);
  expect(got.start).toBe(want.start);
  expect(got.end).toBe(want.end);
  expect(got.venue).toBe(want.venue);
  expect(got.present).toEqual(want.present);
  expect(got.apologies.map((p) => ({ name: p.name, role: p.role }))).toEqual(want.apologies);
  expect(got.inAttendance).toEqual(want.inAttendance);
  expect(got.items.map((i) => i.number)).toEqual(want.items.map((i) => i.number));
  want.items.forEach((w, n) => {
    const g = got.items[n];
    expect(g?.title, `item ${w.number} title`).toBe(w.title);
    expect(g?.discussion, `item ${w.number} discussion`).toEqual(w.discussion);
    expect(g?.decisions, `item ${w.number} decisions`).toEqual(w.decisions);
    expect(g?.actions.map((a) => ({ ref: a.ref, details: a.details, owner: a.owner })), `item ${w.number} actions`).toEqual(w.actions);
    expect(g?.deferred, `item ${w.number} deferred`).toBe(w.deferred);
  });
}

