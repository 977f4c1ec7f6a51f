// Which sentences of a legacy discussion record a decision. The originals have no decision
// markup: what the board agreed is said in words ("It was agreed that…", "EA agreed to…",
// "All recommendations were accepted"). An opinion someone agreed with ("MOC agreed that it
// was important…", "RB agreed and recommended…") is discussion, not a decision.

/** Sentence ends: a full stop (or ! ?), possibly doubled or closing a quote, then a capital. */
const SENTENCE_END = /(?<=[.!?]["')\u201d]?)\s+(?=["'\u201c(]?[A-Z])/;

export function sentencesOf(paragraph: string): string[] {
  return paragraph
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter(Boolean);
}

const DECIDED = [
  // Passive: "it was agreed", "this was agreed", "All recommendations were accepted", "reviewed and agreed".
  /\b(?:was|were)\s+(?:(?:reviewed|discussed|noted)\s+and\s+)?(?:agreed|accepted|approved|endorsed|ratified)\b/i,
  // Someone undertakes something: "EA agreed to bring…", "RH and MM agreed to come…".
  /\bagreed\s+to\s+(?!the\b|a\b|an\b|this\b|these\b)[a-z]+/i,
  // The board itself agreed: "The board agreed that…", "the board agreed them".
  /\b(?:the\s+)?board\s+(?:(?:also|unanimously)\s+)?(?:agreed|approved|accepted|endorsed|resolved|decided)\b(?!\s+and\b)/i,
  // "…and agreed it would strengthen…": agreement to a course, not a view on the past.
  /\bagreed\s+(?:that\s+)?it\s+would\b/i,
  /\b(?:resolved|decided)\s+(?:that|to)\b/i,
];

/** "This was agreed." on its own belongs to the sentence before it, which says what was. */
const AGREES_PREVIOUS = /^(?:this|that|these|which)\s+(?:was|were)\s+(?:agreed|accepted|approved)\.?$/i;

export function isDecisionSentence(sentence: string): boolean {
  return DECIDED.some((re) => re.test(sentence));
}

/** The decisions a discussion records, each as the sentence (or two) that says so. */
export function decisionSentences(paragraphs: readonly string[]): string[] {
  const out: string[] = [];
  for (const paragraph of paragraphs) {
    if (/^[-•]\s/.test(paragraph)) continue;
    const sentences = sentencesOf(paragraph);
    sentences.forEach((sentence, i) => {
      if (AGREES_PREVIOUS.test(sentence) && i > 0) {
        const joined = `${sentences[i - 1]} ${sentence}`;
        if (out[out.length - 1] === sentences[i - 1]) out[out.length - 1] = joined;
        else out.push(joined);
        return;
      }
      if (isDecisionSentence(sentence)) out.push(sentence);
    });
  }
  return out;
}
