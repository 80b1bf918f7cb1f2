import { describe, expect, it } from 'vitest';
import { nameInCase, parsePersonName, personInCase, positionInCase, signatureName } from '../../../src/core/order';

describe('signature names «И.О. Фамилия»', () => {
  it.each([
    ['Гаджибекова Саида Алиевна', 'С.А. Гаджибекова'],
    ['Мирзаева Н.Н.', 'Н.Н. Мирзаева'],
    ['С.А. Гаджибекова', 'С.А. Гаджибекова'],
    ['Туаршева Ж. В.', 'Ж.В. Туаршева'],
    ['Иванов Иван', 'И. Иванов'],
  ])('%s → %s', (name, signature) => {
    expect(signatureName(name)).toBe(signature);
  });

  it('leaves text it cannot read as typed', () => {
    expect(signatureName('  директор школы ')).toBe('директор школы');
    expect(parsePersonName('директор школы')).toBeNull();
  });
});

describe('names in the text take their case (lvovich)', () => {
  it('declines a feminine surname with initials: «возложить на … Мирзаеву Н.Н.»', () => {
    expect(nameInCase('Мирзаева Н.Н.', 'accusative')).toBe('Мирзаеву Н.Н.');
    expect(nameInCase('Кахриманова Н.Н.', 'dative')).toBe('Кахримановой Н.Н.');
    expect(nameInCase('Н.Н. Мирзаева', 'genitive')).toBe('Мирзаевой Н.Н.');
  });

  it('uses the patronymic to decide the gender of a full name', () => {
    expect(nameInCase('Иванов Иван Иванович', 'dative')).toBe('Иванову И.И.');
    expect(nameInCase('Гаджибекова Саида Алиевна', 'instrumental')).toBe('Гаджибековой С.А.');
  });

  it('leaves a surname of unknown gender as typed', () => {
    expect(nameInCase('Петросян А.А.', 'dative')).toBe('Петросян А.А.');
  });
});

describe('positions take their case (rules)', () => {
  it.each([
    ['Заместитель начальника', 'accusative', 'заместителя начальника'],
    ['Заместитель директора по УВР', 'dative', 'заместителю директора по УВР'],
    ['Ведущий специалист', 'dative', 'ведущему специалисту'],
    ['Ведущий специалист', 'accusative', 'ведущего специалиста'],
    ['Главный специалист-эксперт', 'accusative', 'главного специалиста-эксперта'],
    ['Директор', 'dative', 'директору'],
    ['Начальник отдела общего образования', 'accusative', 'начальника отдела общего образования'],
    ['Заведующий отделом', 'dative', 'заведующему отделом'],
    ['Заведующая библиотекой', 'accusative', 'заведующую библиотекой'],
    ['Педагог-психолог', 'genitive', 'педагога-психолога'],
    ['Учитель', 'accusative', 'учителя'],
    ['Руководитель ШМО', 'instrumental', 'руководителем ШМО'],
    ['Заместитель начальника – начальник отдела общего образования', 'accusative', 'заместителя начальника – начальника отдела общего образования'],
  ] as const)('%s (%s) → %s', (position, grammaticalCase, text) => {
    expect(positionInCase(position, grammaticalCase)).toBe(text);
  });

  it('builds the Derbent phrases', () => {
    expect(`возложить на ${personInCase('Заместитель начальника', 'Мирзаева Н.Н.', 'accusative')}`).toBe('возложить на заместителя начальника Мирзаеву Н.Н.');
    expect(personInCase('Ведущий специалист', 'Кахриманова Н.Н.', 'dative')).toBe('ведущему специалисту Кахримановой Н.Н.');
  });
});
