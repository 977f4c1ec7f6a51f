// Tables and deep lists in a discussion, as the editor saves them (Lexical's own table and list
// nodes): the one walker reads them, the plain text keeps every cell, and the print HTML shows
// them as tables and nested lists; oversized ones (2,000 cells, 20 levels) still read whole.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { $createListItemNode, $createListNode, ListItemNode, ListNode, type ListNode as ListNodeType } from '@lexical/list';
import { $createTableCellNode, $createTableNode, $createTableRowNode, TableCellHeaderStates, TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { $createParagraphNode, $createTextNode, $getRoot, createEditor, type LexicalEditor } from 'lexical';
import { discussionBlocks, discussionPlainText } from '../../shared/domain/discussion';
import { squash } from '../../shared/domain/confidential';
import { blocksToHtml } from '../../electron/core/publication/discussionHtml';
import { htmlText } from '../../electron/core/publication/publication';
import { renderMeetingHtml } from '../../electron/core/publication/minutesHtml';
import type { BoardSummary, MeetingDetail, MinutesItem } from '../../shared/contract';
import { startCore } from '../../electron/core/app';
import { ok, tempDir } from '../helpers/temp';
import path from 'node:path';

function saved(build: () => void): string {
  const editor: LexicalEditor = createEditor({
    namespace: 'test',
    nodes: [ListNode, ListItemNode, TableNode, TableRowNode, TableCellNode],
    onError: (e) => {
      throw e;
    },
  });
  editor.update(build, { discrete: true });
  return JSON.stringify(editor.getEditorState().toJSON());
}

const cell = (text: string, header = false) =>
  $createTableCellNode(header ? TableCellHeaderStates.ROW : TableCellHeaderStates.NO_STATUS).append($createParagraphNode().append($createTextNode(text)));

function $table(rows: string[][], headerRow: boolean) {
  return $createTableNode().append(...rows.map((r, i) => $createTableRowNode().append(...r.map((t) => cell(t, headerRow && i === 0)))));
}

describe('tables in a discussion', () => {
  const json = saved(() => {
    $getRoot().append(
      $createParagraphNode().append($createTextNode('Registrations by age:')),
      $table(
        [
          ['Age', 'Children'],
          ['Under 1', '12'],
          ['1 to 4', '31'],
        ],
        true,
      ),
      $createParagraphNode().append($createTextNode('AF to report.')),
    );
  });

  it('reads a table as rows of cells, header cells marked', () => {
    const blocks = discussionBlocks(json, '');
    const table = blocks[1];
    expect(table?.kind).toBe('table');
    if (table?.kind !== 'table') return;
    expect(table.rows).toHaveLength(3);
    expect(table.rows[0]?.cells.map((c) => c.header)).toEqual([true, true]);
    expect(table.rows[1]?.cells.map((c) => c.header)).toEqual([false, false]);
  });

  it('keeps every cell in the plain text, one row a line', () => {
    expect(discussionPlainText(discussionBlocks(json, ''))).toBe('Registrations by age:\nAge | Children\nUnder 1 | 12\n1 to 4 | 31\nAF to report.');
  });

  it('prints a table as a table, header cells as th, with the same words as the plain text', () => {
    const html = blocksToHtml(discussionBlocks(json, ''));
    expect(html).toContain('<table class="discussion-table"><tbody><tr><th><p>Age</p></th><th><p>Children</p></th></tr><tr><td><p>Under 1</p></td>');
    expect(squash(htmlText(html))).toBe(squash(discussionPlainText(discussionBlocks(json, ''))));
  });

  it('escapes what a cell holds and ignores spans it cannot trust', () => {
    const hostile = JSON.stringify({
      root: {
        type: 'root',
        children: [{ type: 'table', children: [{ type: 'tablerow', children: [{ type: 'tablecell', colSpan: '2" onload="x', rowSpan: 3, children: [{ type: 'paragraph', children: [{ type: 'text', text: '<script>' }] }] }] }] }],
      },
    });
    expect(blocksToHtml(discussionBlocks(hostile, ''))).toBe('<table class="discussion-table"><tbody><tr><td rowspan="3"><p>&lt;script&gt;</p></td></tr></tbody></table>');
  });

  it('has exactly the words the print HTML shows, whatever the table JSON', () => {
    const words = fc.stringMatching(/^[A-Za-z ]{0,12}$/);
    const para = fc.record({ type: fc.constantFrom('paragraph', 'heading'), children: fc.array(fc.record({ type: fc.constant('text'), text: words }), { maxLength: 3 }) });
    const cell = fc.record({ type: fc.constant('tablecell'), headerState: fc.integer({ min: 0, max: 3 }), colSpan: fc.oneof(fc.integer({ min: -2, max: 4 }), fc.constant('x')), children: fc.array(para, { maxLength: 2 }) });
    const table = fc.record({ type: fc.constant('table'), children: fc.array(fc.record({ type: fc.constant('tablerow'), children: fc.array(cell, { maxLength: 4 }) }), { maxLength: 4 }) });
    fc.assert(
      fc.property(fc.array(fc.oneof(table, para), { maxLength: 4 }), (children) => {
        const blocks = discussionBlocks(JSON.stringify({ root: { type: 'root', children } }), '');
        expect(squash(discussionPlainText(blocks))).toBe(squash(htmlText(blocksToHtml(blocks))));
      }),
      { numRuns: 300 },
    );
  });

  it('reads a table of 2,000 cells whole', () => {
    const rows = Array.from({ length: 200 }, (_, r) => Array.from({ length: 10 }, (_, c) => `r${r}c${c}`));
    const big = saved(() => {
      $getRoot().append($table(rows, false));
    });
    const text = discussionPlainText(discussionBlocks(big, ''));
    expect(text.split('\n')).toHaveLength(200);
    expect(text.split('\n')[199]).toBe(rows[199]?.join(' | '));
    expect(blocksToHtml(discussionBlocks(big, '')).match(/<td>/g)).toHaveLength(2000);
  });
});

describe('lists nested 20 deep', () => {
  const json = saved(() => {
    const top = $createListNode('bullet');
    let list: ListNodeType = top;
    for (let level = 1; level <= 20; level++) {
      list.append($createListItemNode().append($createTextNode(`level ${level}`)));
      if (level < 20) {
        const sub = $createListNode(level % 2 === 0 ? 'number' : 'bullet');
        list.append($createListItemNode().append(sub));
        list = sub;
      }
    }
    $getRoot().append(top);
  });

  it('keeps every level, indented, in the plain text', () => {
    const lines = discussionPlainText(discussionBlocks(json, '')).split('\n');
    expect(lines).toHaveLength(20);
    expect(lines[0]).toBe('- level 1');
    expect(lines[2]).toBe('    1. level 3');
    expect(lines[19]).toBe(`${'  '.repeat(19)}- level 20`);
  });

  it('prints them nested, each level inside the item above', () => {
    const html = blocksToHtml(discussionBlocks(json, ''));
    expect(html.match(/<ul>|<ol>/g)).toHaveLength(20);
    expect(html).toMatch(/^<ul><li>level 1<ul><li>level 2<ol><li>level 3<ul><li>level 4/);
    expect(html).toMatch(/<li>level 19<ul><li>level 20<\/li><\/ul><\/li><\/ol><\/li>/);
  });
});

describe('the printed minutes', () => {
  it('print a table and a nested list typed into a discussion as a table and nested lists, with their words searchable', async () => {
    const core = await startCore(path.join(tempDir(), 'data.sqlite'), {}, { openedBriefly: true });
    const board = ok<BoardSummary>(core, 'createBoard', { name: 'Executive Board' });
    const meeting = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2014-02-19' });
    const item = ok<{ item: MinutesItem }>(core, 'addAgendaItem', { meetingId: meeting.id, title: 'Performance Management' }).item;
    const json = saved(() => {
      const nested = $createListNode('bullet').append($createListItemNode().append($createTextNode('over 2 years')));
      $getRoot().append(
        $createListNode('bullet').append($createListItemNode().append($createTextNode('CP registrations')), $createListItemNode().append(nested)),
        $table(
          [
            ['Age', 'Children'],
            ['Under 1', '12'],
          ],
          true,
        ),
      );
    });
    ok(core, 'saveDiscussion', { itemId: item.id, json });
    const { html } = renderMeetingHtml(core.store!, meeting.id);
    expect(html).toContain('<ul><li>CP registrations<ul><li>over 2 years</li></ul></li></ul>');
    expect(html).toContain('<table class="discussion-table"><tbody><tr><th><p>Age</p></th><th><p>Children</p></th></tr><tr><td><p>Under 1</p></td><td><p>12</p></td></tr></tbody></table>');
    // The plain text is derived from the JSON as it is read (nothing stored beside it), every cell and level in it.
    const minutes = ok<{ items: MinutesItem[] }>(core, 'getMinutes', { meetingId: meeting.id });
    expect(minutes.items.find((i) => i.id === item.id)?.discussionText).toBe('- CP registrations\n  - over 2 years\nAge | Children\nUnder 1 | 12');
    expect(core.store!.db.prepare('SELECT discussion_text FROM agenda_items WHERE id = ?').pluck().get(item.id)).toBeNull();
    // ...and search finds a word that is only in a nested list, derived the same way.
    const found = ok<{ meetings: Array<{ hits: Array<{ itemId: string | null }> }> }>(core, 'search', { query: 'registrations' });
    expect(found.meetings.flatMap((m) => m.hits.map((h) => h.itemId))).toContain(item.id);
  });
});
