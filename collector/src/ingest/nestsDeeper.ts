/**
 * True when the JSON text nests arrays/objects deeper than `max` (brackets
 * inside strings do not count). Checked on the text, before `JSON.parse`:
 * V8 parses deep nesting in time that grows faster than the depth (a
 * 260,000-deep array takes ~1 s, a 2,000,000-deep one ~7 s, blocking the
 * loop), and the parsed value would overflow the stack of whoever walks it
 * next. One pass, no allocation.
 */
export function nestsDeeper(text: string, max: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === BACKSLASH) i++
      else if (c === QUOTE) inString = false
    } else if (c === QUOTE) inString = true
    else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      if (++depth > max) return true
    } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) depth--
  }
  return false
}

const QUOTE = 34
const BACKSLASH = 92
const OPEN_BRACKET = 91
const CLOSE_BRACKET = 93
const OPEN_BRACE = 123
const CLOSE_BRACE = 125
