// Evaluator of parsed formulas. References are resolved through a FormulaHost (the workbook);
// relative references can be shifted by (rowOffset, columnOffset), which is how Sheets applies a
// conditional-format custom formula to every cell of its range.
import type { A1Ref } from '../spreadsheet/a1';
import { parseFormula, type Node } from './parse';
import {
  DateSerial, FormulaError, divError, isMatrix, naError, nameError, refError, valueError,
  type FValue, type Matrix, type Scalar,
} from './values';

export interface FormulaHost {
  /** Cell values of a rectangle (1-based, inclusive) of a sheet (null: the formula's own sheet). */
  values(sheet: string | null, row1: number, col1: number, row2: number, col2: number): Matrix | FormulaError;
  /** Last row / column with content of a sheet, to close open ranges like A2:A. */
  bounds(sheet: string | null): { lastRow: number; lastColumn: number } | FormulaError;
  /** TODAY() as a serial date. */
  today(): number;
}

export interface EvalOptions {
  rowOffset?: number;
  columnOffset?: number;
}

export function evaluateFormula(formula: string, host: FormulaHost, options: EvalOptions = {}): Scalar {
  const ast = parseFormula(formula);
  if (ast instanceof Error) return new FormulaError('#ERROR!', ast.message);
  const v = new Evaluator(host, options.rowOffset ?? 0, options.columnOffset ?? 0).eval(ast);
  return isMatrix(v) ? (v[0]?.[0] ?? null) : v;
}

// ---- coercions ----

function toNumber(v: Scalar): number | FormulaError {
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof DateSerial) return v.serial;
  if (v instanceof FormulaError) return v;
  const s = v.trim().replace(',', '.');
  if (s !== '' && !Number.isNaN(Number(s))) return Number(s);
  return valueError(`Function expects number values. But '${v}' is a text and cannot be coerced to a number.`);
}

function toText(v: Scalar): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof DateSerial) return String(v.serial);
  if (typeof v === 'number') return String(v);
  return String(v);
}

function toBool(v: Scalar): boolean | FormulaError {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (v instanceof FormulaError) return v;
  if (typeof v === 'string') {
    const u = v.toUpperCase();
    if (u === 'TRUE') return true;
    if (u === 'FALSE') return false;
    return valueError(`Function expects boolean values. But '${v}' is a text and cannot be coerced to a boolean.`);
  }
  return toNumber(v) !== 0;
}

const rank = (v: Scalar): number => (typeof v === 'string' ? 1 : typeof v === 'boolean' ? 2 : 0);

/** Sheets' ordering: numbers < text < booleans; text case-insensitive; blank equals 0 and "". */
function compare(a: Scalar, b: Scalar): number {
  if (a === null) a = typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0;
  if (b === null) b = typeof a === 'string' ? '' : typeof a === 'boolean' ? false : 0;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 1) return (a as string).toLowerCase().localeCompare((b as string).toLowerCase());
  const na = toNumber(a) as number;
  const nb = toNumber(b) as number;
  return na === nb ? 0 : na < nb ? -1 : 1;
}

const firstError = (...vs: Scalar[]): FormulaError | null => {
  for (const v of vs) if (v instanceof FormulaError) return v;
  return null;
};

function flatten(values: FValue[]): Scalar[] {
  const out: Scalar[] = [];
  for (const v of values) {
    if (isMatrix(v)) for (const row of v) for (const c of row) out.push(c);
    else out.push(v);
  }
  return out;
}

// ---- criteria of COUNTIF(S) ----

type Criterion = (v: Scalar) => boolean;

function wildcard(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/~\*/g, '\u0001').replace(/~\?/g, '\u0002')
    .replace(/\*/g, '.*').replace(/\?/g, '.').replace(/\u0001/g, '\\*').replace(/\u0002/g, '\\?');
  return new RegExp(`^${body}$`, 'i');
}

function criterion(c: Scalar): Criterion {
  if (typeof c === 'number' || c instanceof DateSerial) {
    const n = toNumber(c) as number;
    return (v) => (typeof v === 'number' || v instanceof DateSerial) && toNumber(v) === n;
  }
  if (typeof c === 'boolean') return (v) => v === c;
  if (c === null) return (v) => v === null || v === '';
  if (c instanceof FormulaError) return () => false;
  const m = /^(<=|>=|<>|<|>|=)?(.*)$/s.exec(c)!;
  const op = m[1] ?? '=';
  const rest = m[2]!;
  const num = rest.trim() !== '' && !Number.isNaN(Number(rest.replace(',', '.'))) ? Number(rest.replace(',', '.')) : null;
  if (num !== null) {
    return (v) => {
      if (!(typeof v === 'number' || v instanceof DateSerial)) return op === '<>';
      const n = toNumber(v) as number;
      switch (op) {
        case '=': return n === num;
        case '<>': return n !== num;
        case '<': return n < num;
        case '>': return n > num;
        case '<=': return n <= num;
        default: return n >= num;
      }
    };
  }
  if (op === '=' || op === '<>') {
    if (rest === '') return op === '=' ? (v) => v === null || v === '' : (v) => !(v === null || v === '');
    const re = wildcard(rest);
    const eq = (v: Scalar): boolean => typeof v === 'string' && re.test(v);
    return op === '=' ? eq : (v) => !eq(v);
  }
  return (v) => {
    if (typeof v !== 'string') return false;
    const d = v.toLowerCase().localeCompare(rest.toLowerCase());
    return op === '<' ? d < 0 : op === '>' ? d > 0 : op === '<=' ? d <= 0 : d >= 0;
  };
}

// ---- the evaluator ----

class Evaluator {
  constructor(private readonly host: FormulaHost, private readonly dr: number, private readonly dc: number) {}

  eval(n: Node): FValue {
    switch (n.k) {
      case 'num': return n.v;
      case 'str': return n.v;
      case 'bool': return n.v;
      case 'ref': return this.ref(n.ref);
      case 'neg': {
        // element-wise over arrays: --(A2:A="x") inside SUMPRODUCT
        const v = this.eval(n.arg);
        const neg = (s: Scalar): Scalar => {
          const x = toNumber(s);
          return x instanceof FormulaError ? x : -x;
        };
        return isMatrix(v) ? v.map((row) => row.map(neg)) : neg(v);
      }
      case 'pct': {
        const x = toNumber(this.scalar(n.arg));
        return x instanceof FormulaError ? x : x / 100;
      }
      case 'bin': {
        const a = this.eval(n.left);
        const b = this.eval(n.right);
        if (!isMatrix(a) && !isMatrix(b)) return this.binary(n.op, a, b);
        // Array arithmetic (as inside SUMPRODUCT/ARRAYFORMULA): element-wise, a scalar broadcast.
        const rows = Math.max(isMatrix(a) ? a.length : 1, isMatrix(b) ? b.length : 1);
        const cols = Math.max(isMatrix(a) ? (a[0]?.length ?? 0) : 1, isMatrix(b) ? (b[0]?.length ?? 0) : 1);
        const at = (m: FValue, r: number, c: number): Scalar => {
          if (!isMatrix(m)) return m;
          const row = m.length === 1 ? m[0] : m[r];
          const v = row?.[row.length === 1 ? 0 : c];
          return v === undefined ? naError('Array arguments are of different size.') : v;
        };
        const out: Matrix = [];
        for (let r = 0; r < rows; r++) {
          const row: Scalar[] = [];
          for (let c = 0; c < cols; c++) row.push(this.binary(n.op, at(a, r, c), at(b, r, c)));
          out.push(row);
        }
        return out;
      }
      case 'call': return this.call(n.name, n.args);
    }
  }

  private scalar(n: Node): Scalar {
    const v = this.eval(n);
    return isMatrix(v) ? (v.length === 1 && v[0]!.length === 1 ? v[0]![0]! : v[0]?.[0] ?? null) : v;
  }

  private ref(ref: A1Ref): FValue {
    const shift = (x: number | null, abs: boolean, d: number): number | null => (x === null || abs ? x : x + d);
    let r1 = shift(ref.row1, ref.absRow1, this.dr);
    let c1 = shift(ref.col1, ref.absCol1, this.dc);
    let r2 = shift(ref.row2, ref.absRow2, this.dr);
    let c2 = shift(ref.col2, ref.absCol2, this.dc);
    if (r2 === null || c2 === null) {
      const b = this.host.bounds(ref.sheet);
      if (b instanceof FormulaError) return b;
      r2 ??= Math.max(b.lastRow, r1 ?? 1);
      c2 ??= Math.max(b.lastColumn, c1 ?? 1);
    }
    r1 ??= 1;
    c1 ??= 1;
    if (r1 < 1 || c1 < 1) return refError('Reference out of range.');
    const m = this.host.values(ref.sheet, Math.min(r1, r2), Math.min(c1, c2), Math.max(r1, r2), Math.max(c1, c2));
    return m;
  }

  private binary(op: string, a: Scalar, b: Scalar): Scalar {
    const err = firstError(a, b);
    if (err) return err;
    switch (op) {
      case '&': return toText(a) + toText(b);
      case '=': return compare(a, b) === 0;
      case '<>': return compare(a, b) !== 0;
      case '<': return compare(a, b) < 0;
      case '>': return compare(a, b) > 0;
      case '<=': return compare(a, b) <= 0;
      case '>=': return compare(a, b) >= 0;
    }
    const x = toNumber(a);
    const y = toNumber(b);
    if (x instanceof FormulaError) return x;
    if (y instanceof FormulaError) return y;
    switch (op) {
      case '+': {
        const date = (a instanceof DateSerial) !== (b instanceof DateSerial);
        return date ? new DateSerial(x + y) : x + y;
      }
      case '-': return a instanceof DateSerial && !(b instanceof DateSerial) ? new DateSerial(x - y) : x - y;
      case '*': return x * y;
      case '/': return y === 0 ? divError() : x / y;
      default: return x ** y;
    }
  }

  private numbers(args: Node[]): number[] | FormulaError {
    const out: number[] = [];
    for (const a of args) {
      const v = this.eval(a);
      if (isMatrix(v)) {
        for (const row of v) for (const c of row) {
          if (c instanceof FormulaError) return c;
          if (typeof c === 'number') out.push(c);
          else if (c instanceof DateSerial) out.push(c.serial);
        }
      } else {
        const n = toNumber(v);
        if (n instanceof FormulaError) return n;
        out.push(n);
      }
    }
    return out;
  }

  private call(name: string, args: Node[]): FValue {
    if (name.startsWith('#REF:')) return nameError(name.slice(5));
    const argc = (min: number, max = min): FormulaError | null =>
      args.length < min || args.length > max
        ? naError(`Wrong number of arguments to ${name}. Expected ${min === max ? min : `between ${min} and ${max}`} arguments, but got ${args.length} arguments.`)
        : null;
    switch (name) {
      case 'TODAY': return argc(0) ?? new DateSerial(this.host.today());
      case 'DATE': {
        const bad = argc(3);
        if (bad) return bad;
        const [y, m, d] = args.map((a) => toNumber(this.scalar(a)));
        const err = firstError(y!, m!, d!);
        if (err) return err;
        const t = Date.UTC(Math.trunc(y as number), Math.trunc(m as number) - 1, Math.trunc(d as number));
        return new DateSerial(Math.round((t - Date.UTC(1899, 11, 30)) / 86_400_000));
      }
      case 'IF': {
        const bad = argc(2, 3);
        if (bad) return bad;
        const c = toBool(this.scalar(args[0]!));
        if (c instanceof FormulaError) return c;
        return c ? this.eval(args[1]!) : args[2] ? this.eval(args[2]) : false;
      }
      case 'IFERROR': {
        const bad = argc(1, 2);
        if (bad) return bad;
        const v = this.scalar(args[0]!);
        return v instanceof FormulaError ? (args[1] ? this.eval(args[1]) : '') : v;
      }
      case 'AND':
      case 'OR': {
        // AND(A1:A10,B1:B10) takes ranges (https://support.google.com/docs/answer/3093301); as in
        // Sheets, text and blanks inside a range are skipped, a text argument given directly is an
        // error, and nothing logical at all is #VALUE! (the live check «AND/OR skip text» confirms).
        if (args.length === 0) return argc(1, 255)!;
        let acc = name === 'AND';
        let seen = 0;
        for (const value of args.map((a) => this.eval(a))) {
          const fromRange = isMatrix(value);
          for (const v of flatten([value])) {
            if (fromRange && (v === null || typeof v === 'string')) continue;
            const b = toBool(v);
            if (b instanceof FormulaError) return b;
            seen += 1;
            acc = name === 'AND' ? acc && b : acc || b;
          }
        }
        return seen === 0 ? valueError(`${name} has no valid input data.`) : acc;
      }
      case 'NOT': {
        const bad = argc(1);
        if (bad) return bad;
        const b = toBool(this.scalar(args[0]!));
        return b instanceof FormulaError ? b : !b;
      }
      case 'ISBLANK': return argc(1) ?? this.scalar(args[0]!) === null;
      case 'ISNUMBER': {
        const bad = argc(1);
        if (bad) return bad;
        const v = this.scalar(args[0]!);
        return typeof v === 'number' || v instanceof DateSerial;
      }
      case 'ISTEXT': return argc(1) ?? typeof this.scalar(args[0]!) === 'string';
      case 'ISERROR': return argc(1) ?? this.scalar(args[0]!) instanceof FormulaError;
      case 'N': {
        const bad = argc(1);
        if (bad) return bad;
        const v = this.scalar(args[0]!);
        if (v instanceof FormulaError) return v;
        return typeof v === 'number' ? v : v instanceof DateSerial ? v.serial : typeof v === 'boolean' ? (v ? 1 : 0) : 0;
      }
      case 'LEN': {
        const bad = argc(1);
        if (bad) return bad;
        const v = this.scalar(args[0]!);
        return v instanceof FormulaError ? v : toText(v).length;
      }
      case 'TRIM': {
        const v = this.scalar(args[0]!);
        return argc(1) ?? (v instanceof FormulaError ? v : toText(v).trim().replace(/ +/g, ' '));
      }
      case 'ROUND': {
        const bad = argc(1, 2);
        if (bad) return bad;
        const x = toNumber(this.scalar(args[0]!));
        const p = args[1] ? toNumber(this.scalar(args[1])) : 0;
        const err = firstError(x, p);
        if (err) return err;
        const f = 10 ** (p as number);
        return Math.sign(x as number) * Math.round(Math.abs(x as number) * f) / f;
      }
      case 'ABS': {
        const x = toNumber(this.scalar(args[0]!));
        return argc(1) ?? (x instanceof FormulaError ? x : Math.abs(x));
      }
      case 'SUM':
      case 'MAX':
      case 'MIN':
      case 'COUNT':
      case 'AVERAGE': {
        const ns = this.numbers(args);
        if (ns instanceof FormulaError) return ns;
        if (name === 'SUM') return ns.reduce((s, x) => s + x, 0);
        if (name === 'COUNT') return ns.length;
        if (name === 'AVERAGE') return ns.length ? ns.reduce((s, x) => s + x, 0) / ns.length : divError();
        if (ns.length === 0) return 0;
        return name === 'MAX' ? Math.max(...ns) : Math.min(...ns);
      }
      case 'COUNTA': {
        let n = 0;
        for (const v of flatten(args.map((a) => this.eval(a)))) if (v !== null) n++;
        return n;
      }
      case 'ROWS':
      case 'COLUMNS': {
        const bad = argc(1);
        if (bad) return bad;
        const v = this.eval(args[0]!);
        if (!isMatrix(v)) return v instanceof FormulaError ? v : 1;
        return name === 'ROWS' ? v.length : (v[0]?.length ?? 0);
      }
      case 'COUNTIF':
      case 'COUNTIFS': {
        if (name === 'COUNTIF' && args.length !== 2) return argc(2)!;
        if (args.length === 0 || args.length % 2 !== 0) return naError(`Wrong number of arguments to ${name}.`);
        const pairs: { m: Matrix; test: Criterion }[] = [];
        for (let i = 0; i < args.length; i += 2) {
          const r = this.eval(args[i]!);
          const m: Matrix = isMatrix(r) ? r : [[r]];
          pairs.push({ m, test: criterion(this.scalar(args[i + 1]!)) });
        }
        const first = pairs[0]!.m;
        for (const p of pairs) {
          if (p.m.length !== first.length || (p.m[0]?.length ?? 0) !== (first[0]?.length ?? 0)) {
            return valueError('Array arguments to COUNTIFS are of different size.');
          }
        }
        let n = 0;
        for (let r = 0; r < first.length; r++) {
          const width = first[r]!.length;
          for (let c = 0; c < width; c++) if (pairs.every((p) => p.test(p.m[r]![c]!))) n++;
        }
        return n;
      }
      case 'SUMPRODUCT': {
        if (args.length === 0) return argc(1, 255)!;
        const ms = args.map((a) => {
          const v = this.eval(a);
          return isMatrix(v) ? v : [[v]];
        });
        const rows = ms[0]!.length;
        const cols = ms[0]![0]?.length ?? 0;
        if (ms.some((m) => m.length !== rows || (m[0]?.length ?? 0) !== cols)) {
          return valueError('SUMPRODUCT has mismatched range sizes.');
        }
        let sum = 0;
        for (let r = 0; r < rows; r++) {
          for (let c = 0; c < cols; c++) {
            let p = 1;
            for (const m of ms) {
              const v = m[r]![c]!;
              if (v instanceof FormulaError) return v;
              p *= typeof v === 'number' ? v : v instanceof DateSerial ? v.serial : v === true ? 1 : 0;
            }
            sum += p;
          }
        }
        return sum;
      }
      default:
        return nameError(name);
    }
  }
}

export { FormulaError, DateSerial };
