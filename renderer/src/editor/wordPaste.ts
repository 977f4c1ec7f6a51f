// Word puts no <ul>/<ol> on the clipboard: a list is a run of paragraphs styled
// "mso-list:l0 level1 lfo1" whose bullet or number is a span marked "mso-list:Ignore".
// This turns such runs into real nested lists before Lexical imports the HTML, so a paste
// from Word keeps its lists.

const LIST_STYLE = /mso-list:\s*l\d+\s+level(\d+)/i;
const NUMBERED_MARKER = /^[0-9A-Za-z]{1,4}[.)]/;

export function isWordHtml(doc: Document): boolean {
  const generator = doc.querySelector('meta[name="Generator"], meta[name="generator"]')?.getAttribute('content') ?? '';
  return /Microsoft Word/i.test(generator) || doc.querySelector('[style*="mso-list"], [class^="Mso"]') !== null;
}

function listLevel(el: Element): number | null {
  if (el.tagName !== 'P') return null;
  const match = LIST_STYLE.exec(el.getAttribute('style') ?? '');
  if (match?.[1]) return Number(match[1]);
  return /^MsoListParagraph/.test(el.className) ? 1 : null;
}

/** Word's bullet glyphs (Symbol "·", Courier "o", Wingdings "§" and "Ø", and the usual ones), as typed before an item's text. */
const BULLET_GLYPH = /^[\s\u00a0]*([·•◦▪■□o§Ø\-–*]|\d{1,3}[.)]|[A-Za-z][.)])[\s\u00a0]+/;

function takeMarker(p: Element): string {
  // The marker sits between Word's conditional comments (<![if !supportLists]> … <![endif]>, which
  // the parser keeps as comments) and in a span marked mso-list:Ignore; either way it goes, so the
  // editor's own bullet is the only one.
  let marker = '';
  const nodes = Array.from(p.childNodes);
  const open = nodes.findIndex((n) => n.nodeType === 8 && /if\s+!supportLists/i.test(n.nodeValue ?? ''));
  if (open >= 0) {
    const close = nodes.findIndex((n, i) => i > open && n.nodeType === 8 && /endif/i.test(n.nodeValue ?? ''));
    const inside = nodes.slice(open, close >= 0 ? close + 1 : open + 1);
    marker = inside.map((n) => n.textContent ?? '').join('').replace(/\u00a0/g, ' ').trim();
    if (close >= 0) for (const n of inside) n.parentNode?.removeChild(n);
  }
  const span = p.querySelector('span[style*="mso-list" i][style*="ignore" i]');
  if (span) {
    marker ||= (span.textContent ?? '').replace(/\u00a0/g, ' ').trim();
    let outer: Element = span;
    while (outer.parentElement && outer.parentElement !== p && outer.parentElement.tagName === 'SPAN' && outer.parentElement.childNodes.length === 1) {
      outer = outer.parentElement;
    }
    outer.remove();
  }
  if (marker === '') {
    // No marked-up marker (some copies lose the markup): a glyph typed before the text is the bullet.
    const match = BULLET_GLYPH.exec(p.textContent ?? '');
    if (match) {
      marker = match[1] ?? '';
      dropLeading(p, match[0].length);
    }
  }
  return marker;
}

/** Removes the first `count` characters of the element's text, across its text nodes. */
function dropLeading(el: Element, count: number): void {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  let left = count;
  for (let n = walker.nextNode(); n && left > 0; n = walker.nextNode()) {
    const text = n.nodeValue ?? '';
    n.nodeValue = text.slice(Math.min(left, text.length));
    left -= Math.min(left, text.length);
  }
}

/** Rewrites Word's list paragraphs in `doc` into <ul>/<ol>/<li>, nested by level. */
export function convertWordLists(doc: Document): void {
  const paragraphs = Array.from(doc.body.querySelectorAll('p'));
  const done = new Set<Element>();
  for (const first of paragraphs) {
    if (done.has(first) || listLevel(first) === null) continue;
    const run: Element[] = [];
    let cur: Element | null = first;
    while (cur && listLevel(cur) !== null) {
      run.push(cur);
      done.add(cur);
      cur = cur.nextElementSibling;
    }
    const root = buildList(doc, run);
    first.before(root);
    for (const p of run) p.remove();
  }
}

function buildList(doc: Document, run: Element[]): HTMLElement {
  const items = run.map((p) => ({ p, level: listLevel(p) ?? 1, marker: takeMarker(p) }));
  const makeList = (marker: string): HTMLElement => doc.createElement(NUMBERED_MARKER.test(marker) ? 'ol' : 'ul');
  const root = makeList(items[0]?.marker ?? '');
  const stack: Array<{ level: number; list: HTMLElement }> = [{ level: items[0]?.level ?? 1, list: root }];
  for (const item of items) {
    while (stack.length > 1 && (stack[stack.length - 1] as { level: number }).level > item.level) stack.pop();
    const top = stack[stack.length - 1] as { level: number; list: HTMLElement };
    if (item.level > top.level) {
      const sub = makeList(item.marker);
      const holder = top.list.lastElementChild ?? top.list.appendChild(doc.createElement('li'));
      holder.appendChild(sub);
      stack.push({ level: item.level, list: sub });
    }
    const li = doc.createElement('li');
    while (item.p.firstChild) li.appendChild(item.p.firstChild);
    (stack[stack.length - 1] as { list: HTMLElement }).list.appendChild(li);
  }
  return root;
}
