/** Where in the (normalized) message a piece of information was found. */
export interface Span {
  start: number;
  end: number;
}

export type Found<T> = T & Span;

/** Every match of a global regex, with its position. */
export function matchAll(text: string, pattern: RegExp): RegExpExecArray[] {
  const flags = pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`;
  return [...text.matchAll(new RegExp(pattern.source, flags))] as RegExpExecArray[];
}

export function spanOf(match: RegExpExecArray): Span {
  return { start: match.index, end: match.index + match[0].length };
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
