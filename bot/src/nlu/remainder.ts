import { matchAll, type Span } from "./span.js";

const WORD = /[^\s,;、。!?！？；，]+/g;
const EDGE_PUNCTUATION = /^[\s,，。.;；、!！:：~\-]+|[\s,，。.;；、!！:：~\-]+$/g;
const LABEL = /^(?:理由|原因|备注|说明|情况|内容)\s?:\s?/;

/**
 * The part of a message not yet understood. Recognised pieces are blanked with spaces of the
 * same length, so positions found earlier stay valid and the blanks separate what remains.
 *
 * Two kinds of blanking: `take` for values and keywords (a 三房 inside 对三房感兴趣 is read as
 * rooms but still belongs to the sentence), and `drop` for who the message is about (name,
 * phone), which never reappears in free text.
 */
export class Remainder {
  private current: string;
  private readonly dropped: Span[] = [];

  constructor(readonly original: string) {
    this.current = original;
  }

  get text(): string {
    return this.current;
  }

  /** Blanks a recognised value and hands it through, so extraction and removal read as one step. */
  take<T extends Span>(found: T | null): T | null {
    if (found) this.blank(found);
    return found;
  }

  /** Like take, and the text also disappears from the leftover free text. */
  drop<T extends Span>(found: T | null): T | null {
    if (found) {
      this.blank(found);
      this.dropped.push({ start: found.start, end: found.end });
    }
    return found;
  }

  blank(span: Span): void {
    this.current = this.current.slice(0, span.start) + " ".repeat(span.end - span.start) + this.current.slice(span.end);
  }

  blankAll(pattern: RegExp): void {
    for (const match of matchAll(this.current, pattern)) {
      this.blank({ start: match.index, end: match.index + match[0].length });
    }
  }

  /** A copy to blank further without touching this one. */
  fork(): Remainder {
    const copy = new Remainder(this.original);
    copy.current = this.current;
    copy.dropped.push(...this.dropped);
    return copy;
  }

  /**
   * The free text of the message (note, content, reason), word by word. A word whose unread
   * part is empty or a single filler word (想要三房 → 想要) was fully understood and is left out;
   * any other word is kept as written, minus the dropped name and phone, so the text stays
   * readable (对三房感兴趣 stays whole). Null when nothing is left.
   */
  leftover(filler: RegExp): string | null {
    const isFiller = new RegExp(`^(?:${filler.source})$`);
    const kept: string[] = [];
    for (const word of matchAll(this.original, WORD)) {
      const start = word.index;
      const end = start + word[0].length;
      const unread = this.current
        .slice(start, end)
        .split(/\s+/)
        .map((part) => part.replace(EDGE_PUNCTUATION, ""))
        .filter((part) => part.length > 0 && !/^[\p{P}\p{S}]+$/u.test(part));
      if (unread.every((part) => isFiller.test(part))) continue;
      const text = this.withoutDropped(start, end).replace(/\s+/g, " ").replace(EDGE_PUNCTUATION, "").replace(LABEL, "");
      if (text.length > 0) kept.push(text);
    }
    return kept.length > 0 ? kept.join(" ") : null;
  }

  private withoutDropped(start: number, end: number): string {
    let text = this.original.slice(start, end);
    for (const span of this.dropped) {
      const from = Math.max(span.start, start) - start;
      const to = Math.min(span.end, end) - start;
      if (from < to) text = text.slice(0, from) + " ".repeat(to - from) + text.slice(to);
    }
    return text;
  }
}
