// A small RFC 4180 reader that remembers the physical line each record starts on, so every import error can name
// the line a person sees in their editor. csv-parse reports the line a record ends on and guesses the line ending
// once per file, which misnumbers files that mix Windows and Unix line endings (spreadsheets edited on two machines).

export type CsvRecord = { line: number; fields: string[] };

export type CsvReadResult =
  | { ok: true; records: CsvRecord[] }
  | { ok: false; line: number; message: string };

const QUOTE = 34; // "
const COMMA = 44; // ,
const CR = 13;
const LF = 10;

/**
 * Splits CSV text into records of raw field strings. Quoted fields may hold commas, doubled quotes and line breaks;
 * lines end with CRLF, LF or CR. A leading byte order mark is ignored. Fails on a quoted field that never closes or
 * a closing quote followed by anything but a comma or the end of the line.
 */
export function readCsvRecords(input: string): CsvReadResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let line = 1;
  let position = 0;
  const length = text.length;

  while (position < length) {
    const recordLine = line;
    const fields: string[] = [];
    let recordEnded = false;

    while (!recordEnded) {
      if (text.charCodeAt(position) === QUOTE) {
        const fieldLine = line;
        let value = '';
        let chunkStart = position + 1;
        let cursor = chunkStart;
        for (;;) {
          const nextQuote = text.indexOf('"', cursor);
          if (nextQuote === -1) {
            return { ok: false, line: fieldLine, message: 'a quoted value is never closed: a quote mark is missing' };
          }
          line += countLineBreaks(text, cursor, nextQuote);
          if (text.charCodeAt(nextQuote + 1) === QUOTE) {
            value += text.slice(chunkStart, nextQuote + 1);
            cursor = nextQuote + 2;
            chunkStart = cursor;
            continue;
          }
          value += text.slice(chunkStart, nextQuote);
          position = nextQuote + 1;
          break;
        }
        fields.push(value);
        const after = text.charCodeAt(position);
        if (after === COMMA) {
          position += 1;
        } else if (position >= length || after === CR || after === LF) {
          position = skipLineEnd(text, position);
          recordEnded = true;
        } else {
          return {
            ok: false,
            line,
            message: 'a closing quote mark must be followed by a comma or the end of the line',
          };
        }
      } else {
        let cursor = position;
        while (cursor < length) {
          const code = text.charCodeAt(cursor);
          if (code === COMMA || code === CR || code === LF) break;
          cursor += 1;
        }
        fields.push(text.slice(position, cursor));
        if (cursor < length && text.charCodeAt(cursor) === COMMA) {
          position = cursor + 1;
        } else {
          position = skipLineEnd(text, cursor);
          recordEnded = true;
        }
      }
    }

    line += 1;
    records.push({ line: recordLine, fields });
  }

  return { ok: true, records };
}

function skipLineEnd(text: string, position: number): number {
  if (text.charCodeAt(position) === CR && text.charCodeAt(position + 1) === LF) return position + 2;
  return position + 1;
}

/** Line breaks inside a quoted value, counting CRLF once. */
function countLineBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let index = from; index < to; index += 1) {
    const code = text.charCodeAt(index);
    if (code === LF) breaks += 1;
    else if (code === CR && text.charCodeAt(index + 1) !== LF) breaks += 1;
  }
  return breaks;
}
