// Search finds progress reported between meetings (issue 14) as it finds progress recorded at a
// meeting: kept in step by the one write path, gone when the report is removed.
import { describe, expect, it } from 'vitest';
import type { ActionLog, ActionTimeline, SampleBoardResult, SearchResult } from '../../shared/contract';
import { ok, tempCore } from '../helpers/temp';
import { rebuildSearchIndex } from '../../electron/core/store/searchIndex';

describe('search and progress between meetings', () => {
  it('finds a report between meetings on its action, opening the meeting that agreed it, until it is removed', async () => {
    const core = await tempCore();
    try {
      ok<SampleBoardResult>(core, 'loadSampleBoard', {});
      const action = ok<ActionLog>(core, 'outstandingActions', {}).actions[0]!;
      const none = ok<SearchResult>(core, 'search', { query: 'zanzibarite' });
      expect(none.meetings).toEqual([]);

      const timeline = ok<ActionTimeline>(core, 'recordActionProgress', {
        actionId: action.id,
        date: '2014-05-01',
        text: 'The zanzibarite audit is under way',
        status: 'in_progress',
        reportedBy: 'KC by email',
      });
      const found = ok<SearchResult>(core, 'search', { query: 'zanzibarite' });
      const hits = found.meetings.flatMap((m) => m.hits);
      expect(hits).toHaveLength(1);
      expect(hits[0]).toMatchObject({ kind: 'update', reference: action.reference, target: { actionId: action.id, meetingId: action.origin.meetingId } });
      expect(hits[0]!.snippet.some((p) => p.match && p.text.toLowerCase() === 'zanzibarite')).toBe(true);
      expect(ok<SearchResult>(core, 'search', { query: '"KC by email"' }).meetings.flatMap((m) => m.hits).map((h) => h.target.actionId)).toContain(action.id);

      // What the write path kept is what a rebuild makes.
      const docs = (): unknown => core.store!.db.prepare("SELECT source_id, body FROM search_docs WHERE kind = 'update' ORDER BY source_id").all();
      const kept = docs();
      rebuildSearchIndex(core.store!.db);
      expect(docs()).toEqual(kept);

      const report = timeline.entries.find((e) => e.kind === 'between')!;
      ok(core, 'deleteActionProgress', { updateId: report.id });
      expect(ok<SearchResult>(core, 'search', { query: 'zanzibarite' }).meetings).toEqual([]);
    } finally {
      core.close();
    }
  });
});
