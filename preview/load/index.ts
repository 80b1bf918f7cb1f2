// Turns a user's file into sheets of cells, as if the person had pasted it into Google Sheets.
// .csv/.tsv (papaparse), .xlsx (read-excel-file), and our fixture .json ({ name?, cells } or
// { name?, sheets: [{ name, cells }] }).
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export type CellValue = string | number | boolean | Date;

export interface LoadedSheet {
  name: string;
  cells: CellValue[][];
}

export interface LoadedWorkbook {
  /** Becomes the spreadsheet's name. */
  name: string;
  sheets: LoadedSheet[];
}

/** Google's default name of the first sheet in a Russian-locale spreadsheet. */
export const DEFAULT_SHEET = 'Лист1';

export const SUPPORTED_EXTENSIONS = ['.csv', '.tsv', '.txt', '.xlsx', '.json'];

/** Rows the preview opens: a roadmap has hundreds; far more is a wrong file, and would exhaust memory. */
export const MAX_ROWS = 50_000;
/** Uncompressed size of an .xlsx the preview unpacks (a real roadmap's is well under 5 MB). */
export const MAX_XLSX_UNPACKED = 50 * 1024 * 1024;

/** A message for the person choosing a file (Russian). */
export class LoadError extends Error {
  override name = 'LoadError';
}

export async function loadFile(file: string): Promise<LoadedWorkbook> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new LoadError(`Не удалось открыть файл «${file}».`);
  }
  return parseFile(path.basename(file), bytes);
}

/** Parses file bytes by the file's extension. */
export async function parseFile(fileName: string, bytes: Buffer): Promise<LoadedWorkbook> {
  const ext = path.extname(fileName).toLowerCase();
  const base = path.basename(fileName, path.extname(fileName));
  switch (ext) {
    case '.csv':
    case '.tsv':
    case '.txt':
      return { name: base, sheets: [{ name: DEFAULT_SHEET, cells: parseDelimited(decodeText(bytes), ext === '.csv' ? undefined : '\t') }] };
    case '.xlsx':
      return { name: base, sheets: await parseXlsx(bytes) };
    case '.json':
      return parseFixtureJson(decodeText(bytes), base);
    default:
      throw new LoadError(`Формат файла «${fileName}» не поддерживается. Откройте файл .csv, .tsv, .xlsx или .json.`);
  }
}

/** UTF-8 (with or without BOM); files saved by Russian Excel as CSV are often windows-1251. */
function decodeText(bytes: Buffer): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  if (!utf8.includes('\uFFFD')) return utf8;
  return new TextDecoder('windows-1251').decode(bytes);
}

/** Delimited text; the delimiter is guessed (`,` or `;` as Russian Excel writes) unless given. */
export function parseDelimited(text: string, delimiter?: string): string[][] {
  const result = Papa.parse<string[]>(text, { delimiter: delimiter ?? '', skipEmptyLines: 'greedy', preview: MAX_ROWS + 1 });
  return trimRows(result.data);
}

const tooManyRows = (rows: number): LoadError =>
  new LoadError(`В файле больше ${MAX_ROWS.toLocaleString('ru-RU')} строк${rows > MAX_ROWS + 1 ? ` (${rows.toLocaleString('ru-RU')})` : ''}: это не похоже на дорожную карту, предпросмотр такой файл не открывает. Оставьте в файле только таблицу плана.`);

/**
 * Total uncompressed size the ZIP's central directory declares (an .xlsx is a ZIP), read before
 * unpacking anything: a 2 KB file can unpack to gigabytes. Null when the file is not a ZIP.
 */
export function declaredUnpackedSize(bytes: Buffer): number | null {
  const from = Math.max(0, bytes.length - 65_557);
  let end = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return null;
    const size = bytes.readUInt32LE(at + 24);
    total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size; // ZIP64: bigger than 4 GB
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return total;
}

async function parseXlsx(bytes: Buffer): Promise<LoadedSheet[]> {
  const unpacked = declaredUnpackedSize(bytes);
  if (unpacked === null) throw new LoadError('Файл .xlsx повреждён: это не файл Excel. Сохраните таблицу заново в формате .xlsx.');
  if (unpacked > MAX_XLSX_UNPACKED) {
    const mb = Number.isFinite(unpacked) ? `${Math.round(unpacked / 1024 / 1024).toLocaleString('ru-RU')} МБ` : 'больше 4 ГБ';
    throw new LoadError(`Файл Excel в распакованном виде занимает ${mb} (предпросмотр открывает до ${MAX_XLSX_UNPACKED / 1024 / 1024} МБ). Оставьте в нём только лист с дорожной картой или откройте его в Google Таблицах.`);
  }
  let sheets;
  try {
    sheets = await readXlsxFile(bytes);
  } catch (error) {
    throw new LoadError(`Не удалось прочитать файл Excel: ${(error as Error).message}`);
  }
  return sheets.map((s) => ({
    name: s.sheet,
    cells: trimRows(s.data.map((row) => row.map((v) => (v === null || v === undefined ? '' : (v as CellValue))))),
  }));
}

function parseFixtureJson(text: string, fallbackName: string): LoadedWorkbook {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new LoadError('Файл .json повреждён: это не JSON.');
  }
  if (!isRecord(data)) throw new LoadError('В файле .json нет ячеек: ожидается объект с полем «cells».');
  const name = typeof data.name === 'string' && data.name ? data.name : fallbackName;
  if (Array.isArray(data.cells)) return { name, sheets: [{ name: DEFAULT_SHEET, cells: toCells(data.cells) }] };
  if (Array.isArray(data.sheets)) {
    const sheets = data.sheets.filter(isRecord).map((s, i) => ({
      name: typeof s.name === 'string' && s.name ? s.name : `Лист${i + 1}`,
      cells: toCells(Array.isArray(s.cells) ? s.cells : []),
    }));
    if (sheets.length) return { name, sheets };
  }
  throw new LoadError('В файле .json нет ячеек: ожидается объект с полем «cells» или «sheets».');
}

function toCells(rows: unknown[]): CellValue[][] {
  return trimRows(rows.map((row) =>
    (Array.isArray(row) ? row : [row]).map((v): CellValue =>
      typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : v === null || v === undefined ? '' : String(v),
    ),
  ));
}

/** Rectangular rows (Sheets pads short rows) without trailing empty rows; refuses too many rows. */
function trimRows<T extends CellValue>(rows: T[][]): T[][] {
  const out = rows.slice();
  while (out.length && out[out.length - 1]!.every((v) => v === '')) out.pop();
  if (out.length > MAX_ROWS) throw tooManyRows(out.length);
  let width = 0;
  for (const r of out) width = Math.max(width, r.length);
  return out.map((r) => (r.length < width ? [...r, ...Array<T>(width - r.length).fill('' as T)] : r));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
