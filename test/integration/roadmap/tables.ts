// Generated pasted roadmaps of any size, for call-count and property tests.
export const MONTHS = ['Январь', 'Февраль', 'Март', 'Апрель', 'Май', 'Июнь', 'Июль', 'Август', 'Сентябрь', 'Октябрь', 'Ноябрь', 'Декабрь'];

/** A pasted table: a title with the plan period, a header, sections of ten items each. */
export function pastedRoadmap(items: number): unknown[][] {
  const rows: unknown[][] = [
    ['План мероприятий (дорожная карта) на 2023-2024 гг.'],
    ['№ п/п', 'Наименование мероприятия', 'Сроки', 'Ответственные', 'Результат'],
  ];
  for (let i = 0; i < items; i++) {
    const section = Math.floor(i / 10) + 1;
    if (i % 10 === 0) rows.push([`${section}.`, `Раздел ${section}`, '', '', '']);
    const deadline = i % 7 === 0 ? 'Постоянно' : i % 5 === 0 ? `До ${String((i % 28) + 1).padStart(2, '0')}.0${(i % 9) + 1}.2023` : `${MONTHS[i % 12]} 2023 г.`;
    rows.push([`${section}.${(i % 10) + 1}.`, `Мероприятие ${i + 1}`, deadline, i % 13 === 0 ? '' : 'Куратор', 'Справка']);
  }
  return rows;
}
