// The pure pieces of publishing: canonical JSON (for the content hash), finding confidential
// passages in a text, and the discussion's Lexical JSON as escaped print HTML.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/domain/canonicalJson';
import { confidentialFragments, findLeaks, MIN_FRAGMENT_WORDS, squash } from '../../shared/domain/confidential';
import { agreementDateProblem, NEXT_STEPS } from '../../shared/domain/minutesLifecycle';
import { discussionToHtml } from '../../electron/core/publication/discussionHtml';
import { cssString } from '../../electron/core/publication/minutesHtml';

const json = fc.jsonValue({ maxDepth: 4 }).filter((v) => !JSON.stringify(v).includes('-0'));

describe('canonical JSON', () => {
  it('does not depend on key order, and reads back as the same value', () => {
    fc.assert(
      fc.property(json, fc.integer(), (value, seed) => {
        const shuffle = (v: unknown): unknown => {
          if (Array.isArray(v)) return v.map(shuffle);
          if (v && typeof v === 'object') {
            const entries = Object.entries(v);
            entries.sort(() => ((seed = (seed * 1103515245 + 12345) | 0) & 1 ? 1 : -1));
            return Object.fromEntries(entries.map(([k, x]) => [k, shuffle(x)]));
          }
          return v;
        };
        const text = canonicalJson(value);
        expect(canonicalJson(shuffle(value))).toBe(text);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(text).not.toMatch(/\n/);
      }),
      { numRuns: 300 },
    );
  });

  it('sorts keys by code unit and refuses what JSON cannot carry', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], A: { d: undefined, c: 2 } })).toBe('{"A":{"c":2},"a":[true,null,"x"],"b":1}');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/not a JSON number/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/cannot be written as JSON/);
  });
});

const word = fc.stringMatching(/^[a-z]{2,9}$/);
const gap = fc.constantFrom(' ', '  ', '\n', ' \n ', '\t');

describe('confidential passages', () => {
  it('finds a passage of four or more words however the text around it is broken into lines', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: MIN_FRAGMENT_WORDS, maxLength: 12 }), fc.array(gap, { minLength: 12, maxLength: 12 }), fc.string(), fc.string(), (words, gaps, before, after) => {
        const passage = words.join(' ');
        const printed = words.map((w, i) => (i === 0 ? w : `${gaps[i] ?? ' '}${w}`)).join('');
        expect(confidentialFragments([passage])).toEqual([passage]);
        expect(findLeaks([passage], `${before} ${printed.toUpperCase()} ${after}`)).toEqual([passage]);
      }),
      { numRuns: 300 },
    );
  });

  it('looks for sentences and lines, not short phrases that any minutes might use', () => {
    const fragments = confidentialFragments(['Report of the IRO and CP chairs', 'JC to report.\nRB asked for more analysis around what happens at step-down. Agreed.', 'Finance']);
    expect(fragments).toEqual(['Report of the IRO and CP chairs', 'RB asked for more analysis around what happens at step-down.']);
    expect(findLeaks(fragments, 'The board received the report of the IRO and CP chairs.')).toEqual(['Report of the IRO and CP chairs']);
    expect(findLeaks(fragments, 'The IRO report was noted; Finance to report.')).toEqual([]);
    expect(squash('ﬁnance – “Step-down”')).toBe('financestepdown');
  });
});

describe('the lifecycle rules', () => {
  it('agrees minutes only at a later meeting, and offers the next steps of each state', () => {
    expect(agreementDateProblem('2014-02-19', '2014-04-10')).toBeNull();
    expect(agreementDateProblem('2014-02-19', '2014-02-19')).toMatch(/later meeting/);
    expect(agreementDateProblem('2014-02-19', '2014-01-08')).toMatch(/later meeting/);
    expect(NEXT_STEPS).toEqual({ draft: ['circulate'], circulated: ['agree'], agreed: ['publish', 'correct'], published: ['correct'] });
  });
});

const text = (t: string, format = 0) => ({ type: 'text', text: t, format });
const doc = (...children: unknown[]) => JSON.stringify({ root: { type: 'root', children } });

describe('the discussion as print HTML', () => {
  it('keeps paragraphs, emphasis, nested lists and safe links', () => {
    const html = discussionToHtml(
      doc(
        { type: 'paragraph', children: [text('The board '), text('agreed', 1), text(' the '), text('CSE', 2 | 8), text(' strategy'), { type: 'linebreak' }, text('with a proviso')] },
        {
          type: 'list',
          listType: 'number',
          start: 3,
          children: [
            { type: 'listitem', children: [text('first')] },
            { type: 'listitem', children: [{ type: 'list', listType: 'bullet', children: [{ type: 'listitem', children: [text('nested')] }] }] },
            { type: 'listitem', children: [{ type: 'link', url: 'https://example.org/?a=1&b=2', children: [text('the paper')] }] },
          ],
        },
        { type: 'paragraph', children: [{ type: 'link', url: 'javascript:alert(1)', children: [text('not a link')] }] },
        { type: 'paragraph', children: [] },
        { type: 'heading', tag: 'h1', children: [text('Not an outline entry')] },
      ),
      '',
    );
    expect(html).toBe(
      '<p>The board <strong>agreed</strong> the <em><u>CSE</u></em> strategy<br>with a proviso</p>' +
        '<ol start="3"><li>first<ul><li>nested</li></ul></li><li><a href="https://example.org/?a=1&amp;b=2">the paper</a></li></ol>' +
        '<p>not a link</p><p class="discussion-heading"><strong>Not an outline entry</strong></p>',
    );
  });

  it('escapes every text, and never throws on hostile or broken JSON', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0, max: 255 }), (t, format) => {
        const html = discussionToHtml(doc({ type: 'paragraph', children: [text(t, format)] }, { type: 'mystery', text: t }), '');
        const withoutOurTags = html.replace(/<\/?(p|strong|em|u|s|code|sub|sup|br)>/g, '');
        expect(withoutOurTags).not.toMatch(/[<>]/);
      }),
      { numRuns: 300 },
    );
    const levels = 3000;
    const deep = `${'{"type":"list","children":[{"type":"listitem","children":['.repeat(levels)}{"type":"text","text":"bottom"}${']}]}'.repeat(levels)}`;
    expect(() => discussionToHtml(`{"root":{"type":"root","children":[${deep}]}}`, 'fallback')).not.toThrow();
    expect(discussionToHtml('{not json', 'Line one\nLine <two>')).toBe('<p>Line one</p><p>Line &lt;two&gt;</p>');
    expect(discussionToHtml(null, '')).toBe('');
  });

  it('writes CSS strings that cannot end the style sheet', () => {
    expect(cssString('A "quoted" \\ board\n</style>')).toBe('"A \\22 quoted\\22  \\5C  board\\A \\3C /style\\3E "');
  });
});
