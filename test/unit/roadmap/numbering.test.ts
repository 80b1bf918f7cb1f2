// Item numbers, note rows and abbreviation lines as real plans write them.
import { describe, expect, it } from 'vitest';
import { numberStyle, parseNumber, splitLeadingNumber } from '../../../src/core/roadmap/numbering';
import { isAbbreviationLine, isNoteText, splitAbbreviations } from '../../../src/core/roadmap/notes';

describe('item numbers', () => {
  it.each([
    ['1.', 'arabic', [1]],
    ['3.1.1.', 'arabic', [3, 1, 1]],
    ['1)', 'arabic', [1]],
    ['I.', 'roman', [1]],
    ['II', 'roman', [2]],
    ['IV.', 'roman', [4]],
    ['Раздел 1.', 'part', [1]],
    ['Раздел II', 'part', [2]],
    ['а)', 'letter', null],
    ['б)', 'letter', null],
  ] as const)('%j is %s', (text, style, parts) => {
    expect(numberStyle(text)).toBe(style);
    expect(parseNumber(text)?.parts ?? null).toEqual(parts);
  });

  it.each(['', '-', 'п. 5', '1.а', 'Раздел', 'ГИА-11'])('%j is no number', (text) => {
    expect(numberStyle(text)).toBeNull();
    expect(parseNumber(text)).toBeNull();
  });

  it.each([
    ['I. Мероприятия по повышению качества преподавания учебных предметов', 'I.', 'Мероприятия по повышению качества преподавания учебных предметов'],
    ['II. Организационное сопровождение ГИА-11', 'II.', 'Организационное сопровождение ГИА-11'],
    ['1. Организационное обеспечение перехода на обучение по обновленным ФГОС НОО и ФГОС ООО', '1.', 'Организационное обеспечение перехода на обучение по обновленным ФГОС НОО и ФГОС ООО'],
    ['Раздел 1. Совершенствование нормативного правового регулирования', 'Раздел 1.', 'Совершенствование нормативного правового регулирования'],
    ['1) Сбор информации о профессиональных запросах педагогов.', '1)', 'Сбор информации о профессиональных запросах педагогов.'],
  ])('%j splits into its number and heading', (text, number, rest) => {
    expect(splitLeadingNumber(text)).toEqual([number, rest]);
  });

  it.each(['Дошкольное образование', 'Модуль «Основные школьные дела»', 'X лет со дня основания', '2023 год — Год педагога и наставника'])('%j has no leading number', (text) => {
    expect(splitLeadingNumber(text)).toBeNull();
  });
});

describe('note rows', () => {
  it.each([
    '(Позиция в редакции, введенной в действие распоряжением Правительства Российской Федерации от 15 мая 2023 года N 1230-р. - См. предыдущую редакцию)',
    '(в ред. Распоряжения Правительства Свердловской области от 01.08.2023 N 524-РП)',
    '* Приложение см. по ссылке. - Примечание изготовителя базы данных.',
    '(согласно индивидуальным планам работы учителей-предметников)',
  ])('%j is a note', (text) => expect(isNoteText(text)).toBe(true));

  it.each(['Проведение классных часов об особенностях проведения ГИА-11 в 2017 году:', 'Содержание уроков (по плану учителя)', '«Разговоры о важном»'])('%j is not a note', (text) => {
    expect(isNoteText(text)).toBe(false);
  });
});

describe('abbreviation lines', () => {
  it.each(['ЦМН – целевая модель наставничества', 'ОО – образовательные организации', 'МОНиМП НО - Министерство образования, науки и молодежной политики Нижегородской области'])('%j is an abbreviation', (text) => {
    expect(isAbbreviationLine(text)).toBe(true);
  });

  it.each(['ДОРОЖНАЯ КАРТА – план мероприятий', 'План мероприятий (дорожная карта)', 'Приложение N 1'])('%j is not', (text) => {
    expect(isAbbreviationLine(text)).toBe(false);
  });

  it('a line may hold several, separated by «;»; the heading is dropped', () => {
    expect(splitAbbreviations(['План мероприятий', 'Список сокращений:', 'ЦМН – целевая модель наставничества; ОО – образовательные организации.'])).toEqual({
      rest: ['План мероприятий'],
      abbreviations: ['ЦМН – целевая модель наставничества', 'ОО – образовательные организации'],
    });
  });
});
