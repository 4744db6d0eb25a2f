// Decoding of the references XML itself defines: the five predefined entities and numeric
// character references. Nothing else is ever expanded (no DOCTYPE, no external entities).

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export interface DecodeResult {
  value: string;
  /** Offsets (relative to the input) of `&` that start no valid reference. */
  bareAmpersands: number[];
  /** Offsets of references XML does not define (`&nbsp;`), kept as written. */
  unknownEntities: { offset: number; text: string }[];
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

function isNameChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || isDigit(c) || c === 95 || c === 46 || c === 45;
}

/** Decodes `raw` in one linear pass; unknown or bare references are kept as is. */
export function decodeXmlText(raw: string): DecodeResult {
  const bareAmpersands: number[] = [];
  const unknownEntities: { offset: number; text: string }[] = [];
  if (raw.indexOf('&') === -1) return { value: raw, bareAmpersands, unknownEntities };
  let out = '';
  let last = 0;
  let i = raw.indexOf('&');
  while (i !== -1) {
    let j = i + 1;
    let decoded: string | undefined;
    if (raw.charCodeAt(j) === 35 /* # */) {
      j++;
      const hex = raw.charCodeAt(j) === 120 || raw.charCodeAt(j) === 88; // x or X
      if (hex) j++;
      const digitsStart = j;
      while (j < raw.length && j - digitsStart < 8 && (hex ? isHex(raw.charCodeAt(j)) : isDigit(raw.charCodeAt(j)))) j++;
      if (j > digitsStart && raw.charCodeAt(j) === 59 /* ; */) {
        const code = parseInt(raw.slice(digitsStart, j), hex ? 16 : 10);
        if (code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) decoded = String.fromCodePoint(code);
      }
    } else {
      const nameStart = j;
      while (j < raw.length && j - nameStart < 32 && isNameChar(raw.charCodeAt(j))) j++;
      if (j > nameStart && raw.charCodeAt(j) === 59) {
        const name = raw.slice(nameStart, j);
        decoded = NAMED[name];
        if (decoded === undefined) unknownEntities.push({ offset: i, text: raw.slice(i, j + 1) });
      }
    }
    if (decoded !== undefined) {
      out += raw.slice(last, i) + decoded;
      last = j + 1;
      i = raw.indexOf('&', last);
    } else {
      if (!unknownEntities.length || unknownEntities[unknownEntities.length - 1]!.offset !== i) bareAmpersands.push(i);
      i = raw.indexOf('&', i + 1);
    }
  }
  out += raw.slice(last);
  return { value: out, bareAmpersands, unknownEntities };
}
