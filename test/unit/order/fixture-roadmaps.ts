// Reads the fixture roadmaps (real pasted tables) into order rows with a deliberately simple
// recogniser: the header row is the first row whose first cell starts with "№"; a row with a
// number is an item (one level = section when the other cells are empty); a row without a number
// continues the previous row (tables split across page breaks).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { OrderRow } from '../../../src/core/order';

export interface FixtureRoadmap {
  name: string;
  plan: [string, string];
  titleRows: string[];
  header: string[];
  rows: OrderRow[];
}

const dir = fileURLToPath(new URL('../../fixtures/roadmaps/', import.meta.url));
const squash = (s: string) => s.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();

export function loadFixture(file: string): FixtureRoadmap {
  const data = JSON.parse(readFileSync(`${dir}${file}.json`, 'utf8')) as { name: string; plan: [string, string]; cells: string[][] };
  const headerIndex = data.cells.findIndex((r) => r.length >= 5 && /^№/.test(r[0] ?? ''));
  const header = data.cells[headerIndex]!.map(squash);
  const col = (re: RegExp) => header.findIndex((h) => re.test(h.toLowerCase()));
  const c = {
    number: 0,
    activity: col(/содержание|наименование/),
    deadline: col(/срок/),
    responsible: col(/исполнит|ответствен/),
    result: col(/результат/),
  };
  const rows: OrderRow[] = [];
  for (const cells of data.cells.slice(headerIndex + 1)) {
    const get = (i: number) => squash(cells[i] ?? '');
    const number = get(c.number);
    if (number === '' && rows.length > 0) {
      const prev = rows[rows.length - 1]!;
      const join = (a: string, b: string) => squash(`${a} ${b}`);
      prev.activity = join(prev.activity, get(c.activity));
      prev.deadline = join(prev.deadline, get(c.deadline));
      prev.responsible = join(prev.responsible, get(c.responsible));
      prev.result = join(prev.result, get(c.result));
      continue;
    }
    const rest = [c.deadline, c.responsible, c.result].map(get);
    const isSection = /^\d+\.?$/.test(number) && rest.every((v) => v === '');
    rows.push({ number, isSection, activity: get(c.activity), deadline: rest[0]!, responsible: rest[1]!, result: rest[2]! });
  }
  return { name: data.name, plan: data.plan, titleRows: data.cells.slice(0, headerIndex).map((r) => squash(r[0] ?? '')), header, rows };
}

export const FIXTURES = ['derbent-2023', 'kalinovskaya-2022-2024', 'khabez-2021'] as const;
