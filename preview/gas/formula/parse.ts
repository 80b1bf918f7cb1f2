// Parser of the spreadsheet formula language subset the add-on writes. Produces an AST that the
// evaluator runs; ASTs are cached per formula text because rules and columns repeat one formula.
import { parseA1, type A1Ref } from '../spreadsheet/a1';

export type Node =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'bool'; v: boolean }
  | { k: 'ref'; ref: A1Ref }
  | { k: 'call'; name: string; args: Node[] }
  | { k: 'neg'; arg: Node }
  | { k: 'pct'; arg: Node }
  | { k: 'bin'; op: string; left: Node; right: Node };

type Tok = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 'id'; v: string } | { t: 'op'; v: string };

const ID_CHAR = /[A-Za-z0-9_$.\u0400-\u04ff]/;

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\n' || c === '\t') { i++; continue; }
    if (c === '"') {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new Error('Formula parse error: unterminated string.');
        if (src[i] === '"') {
          if (src[i + 1] === '"') { s += '"'; i += 2; continue; }
          i++;
          break;
        }
        s += src[i++];
      }
      out.push({ t: 'str', v: s });
      continue;
    }
    if (c === "'") {
      // quoted sheet name: 'Школа 1'!A1 — kept with its quotes; the reference parser undoes them
      let j = i + 1;
      for (; j < src.length; j++) {
        if (src[j] === "'") {
          if (src[j + 1] === "'") { j++; continue; }
          break;
        }
      }
      if (src[j + 1] !== '!') throw new Error('Formula parse error: bad sheet reference.');
      let k = j + 2;
      while (k < src.length && /[A-Za-z0-9$:]/.test(src[k]!)) k++;
      out.push({ t: 'id', v: src.slice(i, k) });
      i = k;
      continue;
    }
    if (/\d/.test(c) || (c === '.' && /\d/.test(src[i + 1] ?? ''))) {
      const m = /^\d*\.?\d+(?:[eE][+-]?\d+)?|^\d+\.?/.exec(src.slice(i))!;
      // A row-only range like 2:5 is not supported; a number followed by ':' is a parse error.
      out.push({ t: 'num', v: Number(m[0]) });
      i += m[0].length;
      continue;
    }
    if (ID_CHAR.test(c)) {
      let j = i;
      while (j < src.length && ID_CHAR.test(src[j]!)) j++;
      if (src[j] === '!') {
        j++;
        while (j < src.length && /[A-Za-z0-9$:]/.test(src[j]!)) j++;
      } else if (src[j] === ':') {
        j++;
        while (j < src.length && /[A-Za-z0-9$]/.test(src[j]!)) j++;
      }
      out.push({ t: 'id', v: src.slice(i, j) });
      i = j;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '<>') { out.push({ t: 'op', v: two }); i += 2; continue; }
    if ('+-*/^&=<>(),;%{}'.includes(c)) { out.push({ t: 'op', v: c }); i++; continue; }
    throw new Error(`Formula parse error: unexpected '${c}'.`);
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  parse(): Node {
    const n = this.compare();
    if (this.i < this.toks.length) throw new Error('Formula parse error.');
    return n;
  }
  private peekOp(...ops: string[]): string | null {
    const t = this.toks[this.i];
    return t && t.t === 'op' && ops.includes(t.v) ? t.v : null;
  }
  private compare(): Node {
    let left = this.concat();
    for (let op = this.peekOp('=', '<>', '<', '>', '<=', '>='); op; op = this.peekOp('=', '<>', '<', '>', '<=', '>=')) {
      this.i++;
      left = { k: 'bin', op, left, right: this.concat() };
    }
    return left;
  }
  private concat(): Node {
    let left = this.additive();
    while (this.peekOp('&')) {
      this.i++;
      left = { k: 'bin', op: '&', left, right: this.additive() };
    }
    return left;
  }
  private additive(): Node {
    let left = this.term();
    for (let op = this.peekOp('+', '-'); op; op = this.peekOp('+', '-')) {
      this.i++;
      left = { k: 'bin', op, left, right: this.term() };
    }
    return left;
  }
  private term(): Node {
    let left = this.power();
    for (let op = this.peekOp('*', '/'); op; op = this.peekOp('*', '/')) {
      this.i++;
      left = { k: 'bin', op, left, right: this.power() };
    }
    return left;
  }
  private power(): Node {
    let left = this.unary();
    while (this.peekOp('^')) {
      this.i++;
      left = { k: 'bin', op: '^', left, right: this.unary() };
    }
    return left;
  }
  private unary(): Node {
    if (this.peekOp('-')) { this.i++; return { k: 'neg', arg: this.unary() }; }
    if (this.peekOp('+')) { this.i++; return this.unary(); }
    let n = this.primary();
    while (this.peekOp('%')) { this.i++; n = { k: 'pct', arg: n }; }
    return n;
  }
  private primary(): Node {
    const t = this.toks[this.i++];
    if (!t) throw new Error('Formula parse error: unexpected end.');
    if (t.t === 'num') return { k: 'num', v: t.v };
    if (t.t === 'str') return { k: 'str', v: t.v };
    if (t.t === 'op' && t.v === '(') {
      const n = this.compare();
      if (!this.peekOp(')')) throw new Error('Formula parse error: missing ).');
      this.i++;
      return n;
    }
    if (t.t === 'id') {
      if (this.peekOp('(')) {
        this.i++;
        const args: Node[] = [];
        if (this.peekOp(')')) { this.i++; return { k: 'call', name: t.v.toUpperCase(), args }; }
        for (;;) {
          args.push(this.compare());
          if (this.peekOp(',', ';')) { this.i++; continue; }
          if (this.peekOp(')')) { this.i++; break; }
          throw new Error('Formula parse error in arguments.');
        }
        return { k: 'call', name: t.v.toUpperCase(), args };
      }
      const upper = t.v.toUpperCase();
      if (upper === 'TRUE' || upper === 'ИСТИНА') return { k: 'bool', v: true };
      if (upper === 'FALSE' || upper === 'ЛОЖЬ') return { k: 'bool', v: false };
      const ref = parseA1(t.v);
      if (ref) return { k: 'ref', ref };
      return { k: 'call', name: `#REF:${t.v}`, args: [] };
    }
    throw new Error(`Formula parse error near '${t.v}'.`);
  }
}

const cache = new Map<string, Node | Error>();

/** Parses a formula ("=…" or without '='); parse failures come back as an Error to report. */
export function parseFormula(formula: string): Node | Error {
  const hit = cache.get(formula);
  if (hit) return hit;
  let result: Node | Error;
  try {
    result = new Parser(tokenize(formula.replace(/^=/, ''))).parse();
  } catch (e) {
    result = e instanceof Error ? e : new Error(String(e));
  }
  if (cache.size > 5000) cache.clear();
  cache.set(formula, result);
  return result;
}
