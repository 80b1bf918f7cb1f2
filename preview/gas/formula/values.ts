// Values inside the formula evaluator. Dates are serial numbers (days since 1899-12-30) tagged
// as dates so that a formula like =DATE(2024;1;1)+7 still shows a date, as in Sheets.

export class FormulaError {
  constructor(readonly code: string, readonly message: string) {}
  toString(): string {
    return this.code;
  }
}

export class DateSerial {
  constructor(readonly serial: number) {}
}

/** null is a blank cell. */
export type Scalar = number | string | boolean | DateSerial | FormulaError | null;
export type Matrix = Scalar[][];
export type FValue = Scalar | Matrix;

export const isMatrix = (v: FValue): v is Matrix => Array.isArray(v);

export const nameError = (name: string): FormulaError =>
  new FormulaError('#NAME?', `Unknown function: '${name}'.`);
export const valueError = (message: string): FormulaError => new FormulaError('#VALUE!', message);
export const divError = (): FormulaError => new FormulaError('#DIV/0!', 'Function DIVIDE parameter 2 cannot be zero.');
export const refError = (message: string): FormulaError => new FormulaError('#REF!', message);
export const naError = (message: string): FormulaError => new FormulaError('#N/A', message);
