// Layouts of real plans (test/fixtures/roadmaps/real, each with its source address): what a
// careful person sees in each is what recognition returns. Where no real plan with a layout was
// found, the test says so and builds it from a real table.
import { describe, expect, it } from 'vitest';
import { fieldOfHeader, recognizeRoadmap } from '../../../src/core';
import { loadRealCorpus, type RealRoadmap } from './corpus';
import { loadRoadmap } from './fixtures';

const corpus = new Map(loadRealCorpus().map((r) => [r.slug, r]));
const real = (slug: string): RealRoadmap => {
  const r = corpus.get(slug);
  if (!r) throw new Error(`no fixture ${slug}`);
  return r;
};
const outline = (slug: string) => recognizeRoadmap(real(slug).cells).items.map((i) => [i.number, i.level, i.isSection]);

describe('Roman sections and numbering that restarts inside them', () => {
  it('КБР, ГИА-11: I → 1, 2; II → 1, 2, 3 — sections «I.», «II.», items level 2, numbers as written', () => {
    expect(outline('garant-kbr-gia11-2014')).toEqual([
      ['I.', 1, true], ['1', 2, false], ['2', 2, false],
      ['II.', 1, true], ['1', 2, false], ['2', 2, false], ['3', 2, false],
    ]);
    const r = recognizeRoadmap(real('garant-kbr-gia11-2014').cells);
    expect(r.items[0]?.activity).toBe('Нормативно-правовое и методическое сопровождение ГИА');
  });

  it('РСО-Алания: «I. …» over «1.1» keeps the level the number gives', () => {
    expect(outline('garant-soa-gia-2023')).toEqual([['I.', 1, true], ['1.1', 2, false]]);
  });

  it('Краснодарский край, ГИА-9: «I.» with its own deadline is still the stage over «1.» and «1.1.»', () => {
    expect(outline('opredelim-krasnodar-gia9-2012-2013')).toEqual([['I.', 1, true], ['1.', 2, true], ['1.1.', 3, false], ['1.2.', 3, false], ['1.3.', 3, false]]);
  });

  it('Челябинская обл.: «I.» in the number column, text in the next one', () => {
    expect(outline('garant-chelyabinsk-mentoring-2023-2024')).toEqual([['I.', 1, true], ['1.', 2, false]]);
  });

  it('without a number column a merged «I. Работа с участниками …» is split into number and heading', () => {
    const r = recognizeRoadmap(real('kubannet-school15-gia-2016-2017').cells);
    expect(r.items.map((i) => [i.number, i.level, i.isSection, i.activity.slice(0, 30)])).toEqual([
      ['I.', 1, true, 'Работа с участниками ГИА-2017'],
      ['', 2, false, 'Проведение классных часов об о'],
    ]);
  });

  it('a merged arabic heading «1. Организационное обеспечение …» over items numbered 1, 2, 3', () => {
    expect(outline('tor3-fgos-2022-2027')).toEqual([['1.', 1, true], ['1', 2, false], ['2', 2, false], ['3', 2, false]]);
  });

  it('«Раздел 1. …» in the activity of a row-numbered table heads a section', () => {
    expect(outline('cntd-sverdlovsk-dod-2022-2024')).toEqual([['1.', 1, true], ['2.', 2, false]]);
  });
});

describe('item numbers: «Раздел 1.», «1)», «а)»', () => {
  it('a heading cell «Раздел 1. …» or «1) …» splits into its number and text', () => {
    const cells = [
      ['№', 'Мероприятие', 'Срок', 'Ответственные'],
      ['Раздел 1. Совершенствование нормативного правового регулирования', '', '', ''],
      ['1)', 'Сбор информации о профессиональных запросах педагогов.', 'Ежегодно', 'Куратор'],
    ];
    const r = recognizeRoadmap(cells);
    expect(r.items.map((i) => [i.number, i.level, i.isSection])).toEqual([['Раздел 1.', 1, true], ['1)', 2, false]]);
    expect(r.items[0]?.activity).toBe('Совершенствование нормативного правового регулирования');
  });

  it('letters «а)», «б)» are one level below the item above (constructed: no real plan with them was found)', () => {
    const cells = [
      ['№ п/п', 'Наименование мероприятия', 'Срок', 'Ответственный'],
      ['1.', 'Разработка и утверждение распорядительных актов, включающие:', 'Декабрь 2021', 'Директор'],
      ['а)', 'сроки внедрения ЦМН в образовательной организации;', 'Декабрь 2021', 'Директор'],
      ['б)', 'назначение ответственных за материально-техническое обеспечение программ наставничества', 'Декабрь 2021', 'Директор'],
      ['2.', 'Назначение кураторов внедрения целевой модели наставничества в ОУ', 'Январь 2022', 'Директор'],
    ];
    expect(recognizeRoadmap(cells).items.map((i) => [i.number, i.level])).toEqual([['1.', 1], ['а)', 2], ['б)', 2], ['2.', 1]]);
  });
});

describe('the number column', () => {
  it.each([
    ['garant-tambov-tochka-rosta', 'a blank header, found from its numbers'],
    ['cntd-rf-dod-concept-2022-2024', 'a blank header above a Roman section'],
    ['garant-chelyabinsk-mentoring-2023-2024', '«NN п/п»'],
    ['progresh-gia-2020-2021', '«п/п»'],
    ['cntd-sverdlovsk-dod-2022-2024', '«Номер строки»'],
    ['cntd-nso-it-cube', '«N»'],
  ])('%s: %s', (slug) => {
    expect(recognizeRoadmap(real(slug).cells).columns.number).toBe(0);
  });

  it.each(['№', '№№', 'NN п/п', 'N N\nп.п', 'N п/п', '№ п/п', 'п/п', 'Номер строки', '№ пункта', 'Номер пункта'])('«%s» names the number column', (h) => {
    expect(fieldOfHeader(h)).toBe('number');
  });

  it('numbers typed at the start of the activity («1. Проведение …») when no column holds them', () => {
    const r = recognizeRoadmap(real('cntd-arkhangelsk-plan-grafik-2013').cells);
    expect(r.items.map((i) => [i.number, i.activity.slice(0, 20)])).toEqual([['1.', 'Проведение аналитиче'], ['2.', 'Рассмотрение вопросо']]);
  });

  it('a header cell spanning two columns («№ п/п Наименование мероприятий» over the number and the text)', () => {
    // Калиновская's real rows under the header a merged Word cell leaves: text in the first cell, the second blank.
    const kalin = loadRoadmap('kalinovskaya-2022-2024');
    const cells = kalin.cells.map((row, i) => (i === 1 ? ['№ п/п Наименование мероприятий', '', ...row.slice(2)] : row));
    const r = recognizeRoadmap(cells);
    expect(r.columns).toEqual({ number: 0, activity: 1, deadline: 2, responsible: 3, result: 4 });
    expect(r.items).toEqual(recognizeRoadmap(kalin.cells).items);
  });
});

describe('two-row headers and split deadlines', () => {
  it('Архангельская обл.: «Срок реализации» over four quarters marked «х» → the quarters are the deadline', () => {
    const r = recognizeRoadmap(real('cntd-arkhangelsk-plan-grafik-2013').cells);
    expect(r.headerRow).toBe(11);
    expect(r.rowRoles?.find((x) => x.row === 12)).toBeUndefined(); // the second header row is no body row
    expect(r.items.map((i) => i.deadline)).toEqual(['I квартал 2013 г., II квартал 2013 г., III квартал 2013 г., IV квартал 2013 г.', 'I квартал 2013 г.']);
    expect(r.sourceColumns?.filter((c) => c.meaning === 'deadline').map((c) => c.header)).toEqual([
      'Срок реализации мероприятия: I\nквартал\n2013 г.', 'Срок реализации мероприятия: II\nквартал\n2013 г.', 'Срок реализации мероприятия: III квартал\n2013 г.', 'Срок реализации мероприятия: IV квартал 2013 г.',
    ]);
  });

  it('Белгородская обл.: years over budget columns — twelve extra columns named by both rows, nothing dropped', () => {
    const r = recognizeRoadmap(real('cntd-belgorod-finance-2013-2018').cells);
    expect(r.extraColumns).toHaveLength(12);
    expect(r.items[1]?.extras).toEqual(['28,818', '0', '25,556', '0', '0', '0', '0', '0', '0', '25,556', '25,556', '25,556']);
  });

  it.each([
    ['garant-krasnodar-setevoy-2008', 1, 'с 20.03.2008 по 30.12.2008'],
  ])('%s: «… начало | … окончание» become one deadline', (slug, item, deadline) => {
    expect(recognizeRoadmap(real(slug).cells).items[item]?.deadline).toBe(deadline);
  });

  it('«Срок реализации» over «начало | окончание» and «Ответственные» over «ФИО | должность» (built on Калиновская: no such real header was found)', () => {
    const kalin = loadRoadmap('kalinovskaya-2022-2024');
    const head = ['№ п/п', 'Наименование мероприятий', 'Срок реализации', '', 'Ответственные', ''];
    const sub = ['', '', 'начало', 'окончание', 'ФИО', 'должность'];
    const body = [
      ['1.2.', 'Назначение ответственного лица (куратора) за реализацию целевой модели наставничества', '01.09.2021', '31.12.2021', 'Иванова И.И.', 'заместитель директора'],
      ['1.3.', 'Разработка, согласование и утверждение дорожной карты', '', '31.12.2021', 'Петрова П.П.', ''],
    ];
    const r = recognizeRoadmap([kalin.cells[0] as string[], head, sub, ...body]);
    expect(r.headerRow).toBe(1);
    expect(r.items.map((i) => [i.number, i.deadline, i.responsible])).toEqual([
      ['1.2.', 'с 01.09.2021 по 31.12.2021', 'Иванова И.И., заместитель директора'],
      ['1.3.', 'до 31.12.2021', 'Петрова П.П.'],
    ]);
    expect(r.sourceColumns?.map((c) => c.header)).toEqual(['№ п/п', 'Наименование мероприятий', 'Срок реализации: начало', 'Срок реализации: окончание', 'Ответственные: ФИО', 'Ответственные: должность']);
  });
});

describe('stage layouts', () => {
  it('МБДОУ № 18: the stage is a section, the activity comes from «Мероприятия», the content column is kept', () => {
    const r = recognizeRoadmap(real('nik2-mbdou18-stages').cells);
    expect(r.items.map((i) => [i.number, i.level, i.isSection, i.activity.slice(0, 25)])).toEqual([
      ['1.', 1, true, 'Подготовка условий для ре'],
      ['', 2, false, 'Изучение и систематизация'],
      ['', 2, false, 'Подготовка нормативной ба'],
    ]);
    expect(r.extraColumns?.map((e) => e.header)).toEqual(['Содержание деятельности и примерный план мероприятий']);
    expect(r.items[1]?.extras?.[0]).toMatch(/^1\. Изучение Распоряжения/);
    expect(r.sourceColumns?.find((c) => c.column === 1)?.meaning).toBe('section');
    // The stage row carries the first activity too: it is reported as an item row.
    expect(r.rowRoles?.find((x) => x.row === 8)?.role).toBe('item');
  });

  it('Гавриловская ООШ: a stage and its content, without a separate activity column', () => {
    expect(outline('gavrilovo-stages-2022')).toEqual([['1.', 1, true], ['', 2, false], ['2.', 1, true], ['', 2, false]]);
  });
});

describe('note rows', () => {
  it('«(Позиция в редакции …)» under an item is its note, not an item', () => {
    const r = recognizeRoadmap(real('cntd-rf-dod-concept-2022-2024').cells);
    expect(r.items.map((i) => i.number)).toEqual(['I.', '1.', '2.']);
    expect(r.items[1]?.note).toMatch(/^\(Позиция в редакции, введенной в действие распоряжением Правительства Российской Федерации от 15 мая 2023 года/);
    expect(r.rowRoles?.find((x) => x.row === 5)?.role).toBe('note');
  });

  it('a bracketed remark under a module heading is the heading’s note', () => {
    const r = recognizeRoadmap(real('feodosia2-kpvr-2023-2024').cells);
    expect(r.items[0]?.note).toBe('(согласно индивидуальным планам работы учителей-предметников)');
  });

  it('«(в ред. …)» and «* …» footnotes (real texts, placed under a real table)', () => {
    const nso = real('cntd-nso-it-cube').cells;
    const cells = [...nso.slice(0, 8), ['(в ред. Распоряжения Правительства Свердловской области от 01.08.2023 N 524-РП)'], ...nso.slice(8), ['* Приложение см. по ссылке. - Примечание изготовителя базы данных.']];
    const r = recognizeRoadmap(cells);
    expect(r.items.map((i) => i.number)).toEqual(['1', '2', '3', '4']);
    expect(r.items[1]?.note).toMatch(/^\(в ред\./);
    // The footnote goes to the last item carrying its asterisk.
    expect(r.items[3]?.note).toBe('* Приложение см. по ссылке. - Примечание изготовителя базы данных.');
  });
});

describe('the list of abbreviations under the title', () => {
  it('is kept apart from the title (lines as quoted in issue 10, above a real table)', () => {
    const b = real('bagaevskaya-cmn').cells;
    const at = b.findIndex((r) => r[0] === 'на 2020 – 2024 учебный год') + 1;
    const cells = [...b.slice(0, at), ['Используемые сокращения:'], ['ЦМН – целевая модель наставничества'], ['ОО – образовательные организации'], ...b.slice(at)];
    const r = recognizeRoadmap(cells);
    expect(r.abbreviations).toEqual(['ЦМН – целевая модель наставничества', 'ОО – образовательные организации']);
    expect(r.plan?.title).not.toMatch(/ЦМН –|сокращения/);
    expect(r.plan?.title).toMatch(/^План мероприятий \(дорожная карта\)/);
    expect(r.items).toEqual(recognizeRoadmap(b).items.map((i) => ({ ...i, sourceRows: i.sourceRows.map((s) => s + 3) })));
  });
});

describe('tables without some columns, and with two result-like columns', () => {
  it('no responsible column (Торопец): nothing invented, no warning about extras', () => {
    const r = recognizeRoadmap(real('tor3-fgos-2022-2027').cells);
    expect(r.columns.responsible).toBeUndefined();
    expect(r.warnings).toContain('Не найден столбец «Ответственные»: он останется пустым.');
  });

  it('no result column (Краснотуранская НОШ): «Дата» is the deadline', () => {
    const r = recognizeRoadmap(real('velikol-krasnoturansk-2014').cells);
    expect(r.columns).toEqual({ number: 0, activity: 1, deadline: 2, responsible: 3 });
  });

  it('«Вид документа» and «Ожидаемые результаты» (Челябинская обл.): the first is the result, the second is kept', () => {
    const r = recognizeRoadmap(real('garant-chelyabinsk-mentoring-2023-2024').cells);
    expect(r.columns.result).toBe(4);
    expect(r.extraColumns).toEqual([{ column: 5, header: 'Ожидаемые результаты' }]);
  });
});

describe('the canonical sheet read back keeps Roman sections', () => {
  it('КБР: itemsToRows → rowsToItems gives the same sections, and «Проверить» finds no numbering problem', async () => {
    const { canonicalHeaderRow, itemsToRows, rowsToItems, validateRoadmap } = await import('../../../src/core');
    const items = recognizeRoadmap(real('garant-kbr-gia11-2014').cells).items;
    const back = rowsToItems([canonicalHeaderRow(), ...itemsToRows(items)], 1).items;
    expect(back.map((i) => [i.number, i.isSection])).toEqual(items.map((i) => [i.number, i.isSection]));
    const plan = { planStart: '2014-01-01', planEnd: '2014-12-31' };
    expect(validateRoadmap(back, plan).filter((p) => p.field === 'number')).toEqual([]);
  });
});
