// The underlines under unknown initials in one discussion: marks drawn in a layer of their own
// over the editor's text (never in the document, so nothing is stored and undo is unaffected).
// Not the CSS Custom Highlight API: with any highlight range in the page, Chromium checked and
// repainted every marked passage in view on each change to the document, which was most of a
// keystroke's paint in a long meeting (PROFILE.md). A mark here is a box painted once; typing
// elsewhere does not touch it, and a card moved by the typing above it carries its marks along.

/** One unknown initial found in the text: where it is and what it says. */
export interface InitialsMark {
  range: StaticRange;
  initials: string;
}

export class InitialsMarks {
  private layer: HTMLDivElement | null = null;
  private marks: InitialsMark[] = [];
  private shown = false;
  private drawn = false;
  /** The text re-wraps when the editor's width changes (the window resized): draw again then. */
  private readonly resize: ResizeObserver | null;
  private lastWidth = -1;

  constructor(private readonly root: HTMLElement) {
    this.resize =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver((entries) => {
            const width = entries[entries.length - 1]?.contentRect.width ?? -1;
            if (width === this.lastWidth) return;
            this.lastWidth = width;
            if (this.drawn) this.draw();
          });
  }

  /** The marks found by the latest scan; drawn if the editor is in or near the view. */
  set(marks: InitialsMark[]): void {
    this.marks = marks;
    if (this.shown) this.draw();
  }

  /** Takes the marks off (the text changed under them: the scan after the pause puts them back). */
  clear(): void {
    if (this.marks.length === 0 && !this.drawn) return;
    this.marks = [];
    this.erase();
  }

  get size(): number {
    return this.marks.length;
  }

  /** Only an editor in or near the view draws its marks; one far off keeps them for later. */
  show(on: boolean): void {
    if (on === this.shown) return;
    this.shown = on;
    if (on) {
      this.resize?.observe(this.root);
      this.draw();
    } else {
      this.resize?.disconnect();
      this.lastWidth = -1;
      this.erase();
    }
  }

  dispose(): void {
    this.resize?.disconnect();
    this.layer?.remove();
    this.layer = null;
  }

  private erase(): void {
    if (!this.drawn) return;
    this.layer?.replaceChildren();
    this.drawn = false;
  }

  private draw(): void {
    const frame = this.root.parentElement;
    if (!frame || this.marks.length === 0) {
      this.erase();
      return;
    }
    if (!this.layer || this.layer.parentElement !== frame) {
      this.layer?.remove();
      this.layer = document.createElement('div');
      this.layer.className = 'ed-marks';
      this.layer.setAttribute('aria-hidden', 'true');
      frame.append(this.layer);
    }
    // Positions inside the editor's frame (position: relative), so the marks move with the card.
    const base = frame.getBoundingClientRect();
    const boxes: HTMLElement[] = [];
    const range = document.createRange();
    for (const mark of this.marks) {
      if (!mark.range.startContainer.isConnected) continue;
      range.setStart(mark.range.startContainer, mark.range.startOffset);
      range.setEnd(mark.range.endContainer, mark.range.endOffset);
      for (const rect of range.getClientRects()) {
        const box = document.createElement('span');
        box.className = 'ed-mark';
        box.dataset.initials = mark.initials;
        box.style.cssText = `left:${rect.left - base.left}px;top:${rect.top - base.top}px;width:${rect.width}px;height:${rect.height}px`;
        boxes.push(box);
      }
    }
    this.layer.replaceChildren(...boxes);
    this.drawn = boxes.length > 0;
  }
}
