/**
 * Finds where a JSON text stops being valid, as 1-based line and column. `JSON.parse` in V8 does not
 * always say where (e.g. "Unexpected token '}', ... is not valid JSON"), and a rule author needs the
 * place, not just the complaint.
 */
export interface JsonErrorPlace {
  line: number;
  column: number;
  message: string;
}

/** Returns the first syntax error of `text`, or null when it is valid JSON. */
export function locateJsonError(text: string): JsonErrorPlace | null {
  let i = 0;
  const fail = (message: string): never => {
    throw Object.assign(new Error(message), { at: i });
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`unexpected ${describe(text[i])}`);
  };
  const str = () => {
    i++; // opening quote
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') { i++; return; }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === undefined) break;
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) { i += 1; fail('bad \\u escape in string'); }
          i += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(e)) { i += 1; fail(`bad escape "\\${e}" in string`); }
        i += 2;
        continue;
      }
      if (c.charCodeAt(0) < 32) fail('unescaped control character (e.g. a line break) in string');
      i++;
    }
    fail('unterminated string');
  };
  const num = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
    if (!m) fail(`unexpected ${describe(text[i])}`);
    i += m![0].length;
  };
  // One value, with an explicit stack of open containers instead of recursion: a file of ten
  // thousand unclosed "[" overflowed the call stack and was reported as "Maximum call stack size
  // exceeded" instead of where the file ends.
  const value = (): void => {
    const open: ('{' | '[')[] = [];
    for (;;) {
      // A value starts here.
      ws();
      const c = text[i];
      if (c === '{') {
        i++;
        ws();
        if (text[i] === '}') i++;
        else {
          if (text[i] !== '"') fail(`expected a property name in double quotes, found ${describe(text[i])}`);
          str();
          ws();
          if (text[i] !== ':') fail(`expected ":" after property name, found ${describe(text[i])}`);
          i++;
          open.push('{');
          continue;
        }
      } else if (c === '[') {
        i++;
        ws();
        if (text[i] === ']') i++;
        else {
          open.push('[');
          continue;
        }
      } else if (c === '"') str();
      else if (c === 't') literal('true');
      else if (c === 'f') literal('false');
      else if (c === 'n') literal('null');
      else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) num();
      else fail(`unexpected ${describe(c)}`);
      // A value ended: close containers or move to the next member or element.
      for (;;) {
        const top = open[open.length - 1];
        if (top === undefined) return;
        ws();
        const end = top === '{' ? '}' : ']';
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === end) fail(`trailing comma before "${end}"`);
          if (top === '{') {
            if (text[i] !== '"') fail(`expected a property name in double quotes, found ${describe(text[i])}`);
            str();
            ws();
            if (text[i] !== ':') fail(`expected ":" after property name, found ${describe(text[i])}`);
            i++;
          }
          break;
        }
        if (text[i] === end) {
          i++;
          open.pop();
          continue;
        }
        fail(`expected "," or "${end}", found ${describe(text[i])}`);
      }
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${describe(text[i])} after the JSON value`);
    return null;
  } catch (e) {
    const at = (e as { at?: number }).at ?? i;
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    return { line, column, message: (e as Error).message };
  }
}

function describe(c: string | undefined): string {
  return c === undefined ? 'end of file' : JSON.stringify(c);
}
