// The action log and the register of interests as documents: the action log as Word (the rows
// the screen shows, grouped by owner), the register as Word and as accessible HTML.
import { describe, expect, it } from 'vitest';
import type { ActionLog, DocumentExport, Minutes, RosterMember } from '../../shared/contract';
import { ownerCounts } from '../../shared/domain/actionLog';
import { actionLogFileStem } from '../../shared/domain/fileNames';
import { docxText } from '../../electron/core/publication/docxText';
import { htmlText } from '../../electron/core/publication/publication';
import { ok, okAsync, tempCore } from '../helpers/temp';
import { inProcess, seedFixtureMinutes } from '../helpers/fixture-minutes';

describe('the action log as Word', () => {
  it('holds every outstanding action of the board in view, under its owner, with the running header', async () => {
    const core = await tempCore();
    const s = await seedFixtureMinutes(inProcess(core));
    const result = await okAsync<DocumentExport>(core, 'exportActionLogDocx', { filter: { boardId: s.boardId } });
    expect(result).toMatchObject({ format: 'docx', savedTo: null, cancelled: false });
    expect(result.fileName).toMatch(/^SSCB action log \d{4}-\d{2}-\d{2}\.docx$/);
    const text = docxText(Buffer.from(result.base64!, 'base64'));
    for (const ref of s.references) expect(text.body).toContain(ref);
    expect(text.body).toContain('Action log');
    expect(text.body).toContain('Who owes what');
    expect(text.headers).toContain('Action log');
    const actions = ok<Minutes>(core, 'getMinutes', { meetingId: s.meetingId }).items.flatMap((i) => i.actions);
    const af = actions.filter((a) => a.owners.some((o) => o.kind === 'member' && o.initials === 'AF')).length;
    expect(text.body).toMatch(new RegExp(`AF[^\\n]*: ${af} actions`));
  });
});

describe('an exported action log’s name', () => {
  it('names the board in view and the owner chosen, the same for the Word file and the CSV, from the log and the filter alone', async () => {
    const core = await tempCore();
    await seedFixtureMinutes(inProcess(core));
    const log = ok<ActionLog>(core, 'outstandingActions', {});
    const af = ownerCounts(log.actions).find((c) => c.label === 'AF')!;
    const word = await okAsync<DocumentExport>(core, 'exportActionLogDocx', { filter: { owner: af.key } });
    expect(word.fileName).toBe(`SSCB action log AF ${log.today}.docx`);
    // The CSV is made in the window from the same log: the same name, whatever the screen has loaded.
    expect(actionLogFileStem(log, { owner: af.key })).toBe(`SSCB action log AF ${log.today}`);
    expect(actionLogFileStem(log, {})).toBe(`SSCB action log ${log.today}`);
    expect(actionLogFileStem({ actions: [], today: log.today }, {})).toBe(`All boards action log ${log.today}`);
    expect(actionLogFileStem({ actions: [], today: log.today }, { boardId: log.actions[0]!.boardId }, 'Finance: North/South')).toBe(`Finance North South action log ${log.today}`);
  });
});

describe('the register of interests as its own document', () => {
  it('lists each member’s interests, as Word and as accessible HTML', async () => {
    const core = await tempCore();
    const s = await seedFixtureMinutes(inProcess(core));
    const gs = ok<RosterMember[]>(core, 'listRoster', { boardId: s.boardId }).find((m) => m.initials === 'GS')!;
    ok(core, 'saveInterest', { boardId: s.boardId, memberId: gs.id, interest: 'Trustee, Southwark Carers', category: 'other_registrable', fromDate: '2012-04-01' });
    const word = await okAsync<DocumentExport>(core, 'exportInterestRegister', { boardId: s.boardId, format: 'docx' });
    const text = docxText(Buffer.from(word.base64!, 'base64')).body;
    expect(text).toContain('Register of interests');
    expect(text).toContain(`${gs.fullName} (GS)`);
    expect(text).toContain('Trustee, Southwark Carers');
    expect(text).toContain('Other registrable interest');
    expect(text).toContain('1 April 2012');
    const html = Buffer.from((await okAsync<DocumentExport>(core, 'exportInterestRegister', { boardId: s.boardId, format: 'html' })).base64!, 'base64').toString('utf8');
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en-GB">/);
    expect(html).toContain('<th scope="col">Interest</th>');
    expect(html).toContain(`<th scope="row">${gs.fullName} (GS)</th>`);
    expect(html).not.toMatch(/<script\b/i);
    expect(htmlText(html)).toContain('Trustee, Southwark Carers');
    // No printer in this core: the PDF is refused with the reason, and Word or HTML offered instead.
    expect(await core.callAsync('exportInterestRegister', { boardId: s.boardId, format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/Export it as Word or HTML instead/) } });
  });
});
