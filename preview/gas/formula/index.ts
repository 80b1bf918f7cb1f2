export { evaluateFormula, type FormulaHost, type EvalOptions } from './evaluate';
export { parseFormula, type Node } from './parse';
export { FormulaError, DateSerial, type Scalar, type Matrix } from './values';
