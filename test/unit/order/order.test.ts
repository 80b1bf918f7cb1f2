import { describe, expect, it } from 'vitest';
import {
  approvedWord,
  buildApprovalOrder,
  buildRowOrder,
  checkPageSetup,
  GOST_FONT,
  GOST_PAGE,
  mmToPt,
  orderDocName,
  isOrderRow,
  rowOrderHeading,
  orderToText,
  pageSetupInPoints,
  type OrderBlock,
  type OrderDocument,
  type OrderRow,
  type Requisites,
  type TableBlock,
} from '../../../src/core/order';
import { DERBENT_REQUISITES } from '../../fixtures/requisites';
import { FIXTURES, loadFixture, type FixtureRoadmap } from './fixture-roadmaps';

const REQUISITES: Record<(typeof FIXTURES)[number], Requisites> = {
  'derbent-2023': DERBENT_REQUISITES,
  'kalinovskaya-2022-2024': {
    fullName: 'Муниципальное бюджетное общеобразовательное учреждение\n«Калиновская основная общеобразовательная школа»',
    shortName: 'МБОУ «Калиновская ООШ»',
    headPosition: 'Директор',
    headName: 'Иванова Мария Петровна',
    numberFormat: '{n}-од',
  },
  'khabez-2021': {
    fullName: 'Отдел образования\nадминистрации Хабезского муниципального района',
    shortName: 'Отдел образования администрации Хабезского муниципального района',
    place: 'а. Хабез',
    headPosition: 'Начальник отдела образования',
    headName: 'Туаршева Ж.В.',
    executorName: 'Петрова А.И.',
    executorPhone: '8 (87876) 4-11-22',
    numberFormat: '{n}/1',
  },
};

const titleOf = (f: FixtureRoadmap, file: string) =>
  file === 'derbent-2023' ? f.titleRows.slice(18, 21).join(' ') : file === 'khabez-2021' ? f.titleRows.slice(8, 11).join(' ') : f.titleRows[0]!;

function approvalOrder(file: (typeof FIXTURES)[number], extra: Partial<Parameters<typeof buildApprovalOrder>[0]['options']> = {}) {
  const f = loadFixture(file);
  return {
    fixture: f,
    order: buildApprovalOrder({
      requisites: REQUISITES[file],
      roadmap: { title: titleOf(f, file), period: { start: f.plan[0], end: f.plan[1] }, items: f.rows },
      options: { date: '2023-02-07', number: '1982', dateStyle: 'long', appendixRows: 'all', ...extra },
    }),
  };
}

/** The requisites of a block, by meaning, in document order. */
function requisiteSequence(order: OrderDocument): string[] {
  return order.blocks.map((b: OrderBlock) => (b.kind === 'paragraph' ? b.role : b.kind));
}

const tableOf = (order: OrderDocument) => order.blocks.find((b): b is TableBlock => b.kind === 'table')!;

/** Table rows back as order rows (header dropped), to compare with the roadmap items. */
function tableItems(table: TableBlock): Pick<OrderRow, 'number' | 'activity' | 'deadline' | 'responsible' | 'result' | 'isSection'>[] {
  return table.rows.slice(1).map((r) => {
    if (r.kind === 'section') return { number: r.number, activity: r.text, deadline: '', responsible: '', result: '', isSection: true };
    if (r.kind === 'header') throw new Error('a second header row');
    const [number, activity, deadline, responsible, result] = r.cells as [string, string, string, string, string];
    return { number, activity, deadline, responsible, result, isSection: false };
  });
}

describe.each(FIXTURES)('approval order for %s', (file) => {
  const { fixture, order } = approvalOrder(file);
  const hasPlace = !!REQUISITES[file].place;
  const hasExecutor = !!REQUISITES[file].executorName;

  it('holds every requisite in ГОСТ Р 7.0.97-2025 order, then the appendix on a new page', () => {
    const expected = [
      'organisation', 'docType', 'dateNumberRow', ...(hasPlace ? ['place'] : []), 'heading', 'basis', 'command', 'points',
      'signature', ...(hasExecutor ? ['executor'] : []), 'pageBreak', 'appendixMark', 'approvalStamp', 'appendixTitle', 'table',
    ];
    expect(requisiteSequence(order)).toEqual(expected);
  });

  it('fills the requisites from the organisation and the options', () => {
    const text = orderToText(order);
    const r = REQUISITES[file];
    for (const line of r.fullName.split('\n')) expect(text).toContain(line);
    expect(text).toContain('ПРИКАЗ\n');
    expect(text).toMatch(/7 февраля 2023 г\. +№ 1982/);
    expect(text).toContain('ПРИКАЗЫВАЮ:');
    const of = { 'derbent-2023': r.shortName, 'kalinovskaya-2022-2024': r.shortName, 'khabez-2021': 'Отдела образования администрации Хабезского муниципального района' }[file];
    const paragraph = (role: string) => order.blocks.find((b) => b.kind === 'paragraph' && b.role === role);
    expect(paragraph('appendixMark')).toMatchObject({ text: `Приложение № 1\nк приказу ${of}\nот 7 февраля 2023 г. № 1982` });
    expect(paragraph('approvalStamp')).toMatchObject({ text: expect.stringMatching(new RegExp(`^УТВЕРЖДЕН[АОЫ]?\\nприказом ${of.replace(/[«»()]/g, '.')}\\nот 7 февраля 2023 г\\. № 1982$`)) });
    expect(order.meta).toMatchObject({ number: '1982', dateText: '7 февраля 2023 г.', organisation: r.shortName });
    // The basis cites the law and the ministry's order, and runs into ПРИКАЗЫВАЮ: with a comma.
    const basis = order.blocks.find((b) => b.kind === 'paragraph' && b.role === 'basis');
    expect(basis).toMatchObject({ text: expect.stringMatching(/^В соответствии с Федеральным законом от 29\.12\.2012 № 273-ФЗ .*№ Р-145 .*,$/) });
  });

  it('takes its heading, point 1 and appendix title from the plan\'s own title', () => {
    // Labelled by hand from each fixture's title rows (organisation and period added only where the title lacks them).
    const expected = {
      'derbent-2023': [
        'Об утверждении дорожной карты реализации Модели наставничества в системе образования МР «Дербентский район» на 2023 год',
        'Утвердить дорожную карту реализации Модели наставничества в системе образования МР «Дербентский район» на 2023 год (приложение № 1).',
        'Дорожная карта реализации Модели наставничества в системе образования МР «Дербентский район» на 2023 год',
      ],
      'kalinovskaya-2022-2024': [
        'Об утверждении плана мероприятий (дорожной карты) реализации целевой модели наставничества в МБОУ «Калиновская ООШ» на 2022-2024 гг.',
        'Утвердить план мероприятий (дорожную карту) реализации целевой модели наставничества в МБОУ «Калиновская ООШ» на 2022-2024 гг. (приложение № 1).',
        'План мероприятий (дорожная карта) реализации целевой модели наставничества в МБОУ «Калиновская ООШ» на 2022-2024 гг.',
      ],
      'khabez-2021': [
        'Об утверждении плана (дорожной карты) по внедрению Целевой модели наставничества в МКОУ «СОШ а.__________» Хабезского муниципального района за 2021 год',
        'Утвердить план (дорожную карту) по внедрению Целевой модели наставничества в МКОУ «СОШ а.__________» Хабезского муниципального района за 2021 год (приложение № 1).',
        'План (дорожная карта) по внедрению Целевой модели наставничества в МКОУ «СОШ а.__________» Хабезского муниципального района за 2021 год',
      ],
    }[file];
    expect(order.meta.heading).toBe(expected[0]);
    expect(order.blocks.find((b) => b.kind === 'points')).toMatchObject({ items: expect.arrayContaining([expected[1]]) });
    expect(order.blocks.find((b) => b.kind === 'paragraph' && b.role === 'appendixTitle')).toMatchObject({ text: expected[2] });
  });

  it('carries the roadmap as the appendix table: header row, then exactly the items', () => {
    const table = tableOf(order);
    expect(table.rows[0]).toEqual({ kind: 'header', cells: ['№ п/п', 'Наименование мероприятия', 'Срок', 'Ответственные', 'Результат'] });
    expect(tableItems(table)).toEqual(
      fixture.rows.map((r) => ({ number: r.number, activity: r.activity, deadline: r.deadline, responsible: r.responsible, result: r.result, isSection: r.isSection })),
    );
    expect(table.fontSizePt).toBe(12);
  });

  it('signs with the head as «И.О. Фамилия»', () => {
    const signature = order.blocks.find((b) => b.kind === 'signature');
    const expected = { 'derbent-2023': 'С.А. Гаджибекова', 'kalinovskaya-2022-2024': 'М.П. Иванова', 'khabez-2021': 'Ж.В. Туаршева' }[file];
    expect(signature).toEqual({ kind: 'signature', position: REQUISITES[file].headPosition, name: expected });
  });
});

describe('appendix rows', () => {
  it('leaves out done rows and sections with nothing left, with «not-done»', () => {
    const f = loadFixture('kalinovskaya-2022-2024');
    const items = f.rows.map((r) => ({ ...r, status: r.number.startsWith('1.') || r.number.startsWith('5.') ? 'done' : 'active' }));
    const order = buildApprovalOrder({
      requisites: REQUISITES['kalinovskaya-2022-2024'],
      roadmap: { title: '', period: { start: '2022-01-01', end: '2024-12-31' }, items },
      options: { date: '2022-01-10', number: '3-од', dateStyle: 'numeric', appendixRows: 'not-done' },
    });
    const numbers = tableItems(tableOf(order)).map((r) => r.number);
    expect(numbers).toEqual(['2', '2.1', '2.2', '2.3', '3', '3.1.', '3.2', '3.3', '3.4', '4', '4.1', '4.2']);
  });

  it('keeps only the chosen sections', () => {
    const { order } = approvalOrder('derbent-2023', { appendixRows: { sections: ['2', '7.'] } });
    expect(tableItems(tableOf(order)).map((r) => r.number)).toEqual(['2.', '2.1.', '7.', '7.1.', '7.2.', '7.3.']);
  });
});

describe('the Derbent order, approximated from its requisites', () => {
  const { fixture, order } = approvalOrder('derbent-2023', {
    control: { position: 'Заместитель начальника – начальник отдела общего образования', name: 'Мирзаева Н.Н.' },
  });
  const real = fixture.titleRows;
  const text = orderToText(order);
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

  it('has the real heading opening, ПРИКАЗЫВАЮ: and the signature', () => {
    // The real order titled the plan differently from its appendix; ours follows the appendix's own title.
    const common = 'Об утверждении ';
    expect(real[8]!.startsWith(common)).toBe(true);
    expect(order.meta.heading.startsWith(common)).toBe(true);
    expect(real[10]).toBe('ПРИКАЗЫВАЮ:');
    expect(text.split('\n')).toContain('ПРИКАЗЫВАЮ:');
    expect(order.blocks.find((b) => b.kind === 'signature')).toMatchObject({ position: real[15], name: real[16] });
  });

  it('writes the date without the real order\'s quotes and the number with a space (ГОСТ)', () => {
    expect(real[6]!.replace(/[«»]/g, '')).toBe(order.meta.dateText);
    expect(real[7]).toBe('№1982');
    expect(text).toContain('№ 1982');
  });

  it('words the control point as the real order does', () => {
    const points = order.blocks.find((b) => b.kind === 'points');
    const last = points?.kind === 'points' ? points.items[points.items.length - 1]! : '';
    const dashes = (s: string) => s.replace(/\s*[-–—]\s*/g, '-');
    expect(dashes(last)).toBe(dashes(real[14]!.replace(/^4\.\s*/, '')));
  });

  it('has the real approval stamp, agreeing with its title «ДОРОЖНАЯ КАРТА»', () => {
    const stamp = order.blocks.find((b) => b.kind === 'paragraph' && b.role === 'approvalStamp');
    const stampText = stamp?.kind === 'paragraph' ? squash(stamp.text) : '';
    expect(stampText.startsWith('УТВЕРЖДЕНА приказом')).toBe(true);
    const tail = (s: string) => s.slice(s.indexOf('приказом')).replace(/№\s*/, '№');
    expect(tail(stampText)).toBe(tail(real[17]!));
  });

  it('names the Doc by number, numeric date and heading', () => {
    expect(order.name.startsWith('Приказ № 1982 от 07.02.2023 — Об утверждении дорожной карты реализации')).toBe(true);
  });
});

describe('approval stamp agreement', () => {
  it.each([
    ['План мероприятий (дорожная карта)', 'УТВЕРЖДЕН'],
    ['ПЛАН МЕРОПРИЯТИЙ', 'УТВЕРЖДЕН'],
    ['Дорожная карта', 'УТВЕРЖДЕНА'],
    ['ДОРОЖНАЯ КАРТА реализации Модели наставничества', 'УТВЕРЖДЕНА'],
    ['Положение о наставничестве', 'УТВЕРЖДЕНО'],
    ['Мероприятия по внедрению ЦМН', 'УТВЕРЖДЕНЫ'],
    ['Программа наставничества', 'УТВЕРЖДЕНА'],
  ])('%s → %s', (title, word) => {
    expect(approvedWord(title)).toBe(word);
  });
});

describe('orders for single rows', () => {
  const f = loadFixture('khabez-2021');
  const row = f.rows.find((r) => r.number === '4.')!;
  const order = buildRowOrder(row, REQUISITES['khabez-2021'], { date: '2021-01-15', number: '5/1', dateStyle: 'numeric' });

  it('takes its heading from the activity and its points from the row', () => {
    expect(order.meta.heading).toBe('О назначении рабочих групп и кураторов внедрения ЦМН в образовательные организациях');
    const points = order.blocks.find((b) => b.kind === 'points');
    const text = points?.kind === 'points' ? points.items.join('\n') : '';
    expect(row.deadline).toBe('20.02.2021 г.');
    expect(text).toContain('в срок до 20 февраля 2021 г.');
    expect(row.responsible).toBe('Образовательные организации');
    expect(text).toContain('Ответственные за исполнение: образовательные организации.');
    expect(text).toContain('(пункт 4 плана мероприятий (дорожной карты)');
    expect(row.activity).toContain('(далее – кураторы внедрения ЦМН)');
    expect(text).not.toContain('далее');
    expect(text).toContain('Контроль за исполнением настоящего приказа оставляю за собой.');
  });

  it('has the order requisites and no appendix', () => {
    expect(requisiteSequence(order)).toEqual(['organisation', 'docType', 'dateNumberRow', 'place', 'heading', 'basis', 'command', 'points', 'signature', 'executor']);
    expect(orderToText(order)).toMatch(/15\.01\.2021 +№ 5\/1/);
    expect(order.name).toBe('Приказ № 5/1 от 15.01.2021 — О назначении рабочих групп и кураторов внедрения ЦМН в образовательные организациях');
  });

  it('lays the date and number out on two lines when asked', () => {
    const stacked = buildRowOrder(row, REQUISITES['khabez-2021'], { date: '2021-01-15', number: '5/1', dateStyle: 'long', dateNumberLayout: 'stacked' });
    expect(stacked.blocks.find((b) => b.kind === 'paragraph' && b.role === 'dateNumber')).toMatchObject({ text: '15 января 2021 г.\n№ 5/1' });
  });
});

describe('document name', () => {
  it('trims a long heading at a word boundary', () => {
    const heading = `Об утверждении ${'очень длинного заголовка '.repeat(16)}`;
    const name = orderDocName('12-од', '2024-03-01', heading);
    expect(name.length).toBeLessThanOrEqual(200);
    expect(name.startsWith('Приказ № 12-од от 01.03.2024 — Об утверждении очень')).toBe(true);
    expect(name).toMatch(/(очень|длинного|заголовка)…$/);
  });
});

describe('page setup and fonts (ГОСТ defaults)', () => {
  it('is A4 with 30/15/20/20 mm margins, converted at 72/25.4 pt per mm', () => {
    const pt = pageSetupInPoints(GOST_PAGE);
    expect(pt.width).toBeCloseTo(595.28, 1);
    expect(pt.height).toBeCloseTo(841.89, 1);
    expect(pt.marginLeft).toBeCloseTo(85.04, 1);
    expect(pt.marginRight).toBeCloseTo(42.52, 1);
    expect(pt.marginTop).toBeCloseTo(56.69, 1);
    expect(mmToPt(1)).toBeCloseTo(2.835, 3);
    expect(GOST_FONT).toEqual({ family: 'Times New Roman', bodyPt: 14, tablePt: 12 });
  });

  it('accepts the defaults and explains settings outside ГОСТ', () => {
    expect(checkPageSetup(GOST_PAGE, GOST_FONT)).toEqual([]);
    const problems = checkPageSetup({ ...GOST_PAGE, marginLeftMm: 10 }, { ...GOST_FONT, bodyPt: 16 });
    expect(problems).toHaveLength(2);
    expect(problems.join(' ')).toMatch(/Левое поле.*30 мм.*шрифта текста/);
  });

  it('indents body text 1.25 cm and justifies it', () => {
    const { order } = approvalOrder('khabez-2021');
    const basis = order.blocks.find((b) => b.kind === 'paragraph' && b.role === 'basis');
    expect(basis).toMatchObject({ style: { align: 'justify', indentFirstLineCm: 1.25 } });
  });
});

describe('rows that call for an order', () => {
  const all = FIXTURES.flatMap((file) => loadFixture(file).rows.map((r) => ({ file, ...r })));
  const ids = (rows: typeof all) => rows.map((r) => `${r.file} ${r.number}`);

  it('are found by their result or a «Подготовка приказа…» activity', () => {
    expect(ids(all.filter(isOrderRow))).toEqual([
      'derbent-2023 2.1.',
      'derbent-2023 8.1.',
      'kalinovskaya-2022-2024 1.1.',
      'kalinovskaya-2022-2024 1.2.',
      'kalinovskaya-2022-2024 1.3.',
      'khabez-2021 3.',
      'khabez-2021 4.',
      'khabez-2021 5.',
      'khabez-2021 6.',
      'khabez-2021 10',
    ]);
  });

  it('take the heading the author already wrote («Приказ о …»), else the activity\'s', () => {
    const heading = (file: string, number: string) => rowOrderHeading(all.find((r) => r.file === file && r.number === number)!);
    expect(heading('derbent-2023', '8.1.')).toBe('Об образовательных организациях- менторах и направлениях наставничества в них');
    expect(heading('kalinovskaya-2022-2024', '1.1.')).toBe('О создании рабочей группы');
    expect(heading('kalinovskaya-2022-2024', '1.2.')).toBe(
      'О назначении ответственного лица (куратора) за реализацию целевой модели наставничества в МБОУ «Калиновская ООШ»',
    );
    expect(heading('khabez-2021', '10')).toBe('О проведении предварительного анализа реализации Плана внедрения ЦМН');
  });
});

describe('plain-text rendering (live preview)', () => {
  it('puts position and name on one line, numbers the points and marks the page break', () => {
    const { order } = approvalOrder('derbent-2023');
    const lines = orderToText(order).split('\n');
    expect(lines.some((l) => /^Начальник {2,}С\.А\. Гаджибекова$/.test(l))).toBe(true);
    const firstPage = lines.slice(0, lines.indexOf('\f'));
    expect(firstPage.filter((l) => /^\d\. /.test(l)).map((l) => l.slice(0, 2))).toEqual(['1.', '2.', '3.']);
    expect(lines).toContain('\f');
    const text = orderToText(order);
    expect(text.indexOf('ПРИКАЗЫВАЮ:')).toBeLessThan(text.indexOf('\f'));
    expect(text.indexOf('\f')).toBeLessThan(text.indexOf('Приложение № 1'));
  });
});

describe('the curator point agrees with the person', () => {
  it.each([
    ['Сидорова Елена Викторовна', 'Назначить заместителя директора по УВР Сидорову Е.В. ответственной за реализацию плана мероприятий (дорожной карты).'],
    ['Петров Иван Сергеевич', 'Назначить заместителя директора по УВР Петрова И.С. ответственным за реализацию плана мероприятий (дорожной карты).'],
  ])('%s', (name, point) => {
    const { order } = approvalOrder('kalinovskaya-2022-2024', { curator: { position: 'Заместитель директора по УВР', name } });
    expect(order.blocks.find((b) => b.kind === 'points')).toMatchObject({ items: expect.arrayContaining([point]) });
  });
});
