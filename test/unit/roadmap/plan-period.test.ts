// Plan periods in the forms real plans use, each from a real title (source in the comment), and
// from the title rows of real plans as pasted (two-line titles, abbreviations, approval stamps).
import { describe, expect, it } from 'vitest';
import { inferPlanPeriod } from '../../../src/core/deadline';
import { recognizeRoadmap } from '../../../src/core';
import { loadRealCorpus } from './corpus';

describe('inferPlanPeriod on real titles', () => {
  it.each([
    // base.garant.ru/405682245 (РСО-Алания)
    ['… основного общего и среднего общего образования в Республике Северная Осетия-Алания в 2023 году', '2023-01-01', '2023-12-31'],
    // tor-3.tverschool.ru
    ['Дорожная карта мероприятий по обеспечению перехода на новые ФГОС НОО, ФГОС ООО на 2022-2027 год', '2022-01-01', '2027-12-31'],
    // base.garant.ru/405285547 (Мордовия)
    ['… в общеобразовательных организациях Республики Мордовия на 2021 - 2023 годы', '2021-01-01', '2023-12-31'],
    // nsportal.ru (Багаевская СОШ № 3): several school years
    ['План мероприятий (дорожная карта)\nвнедрения методологии (целевой модели) наставничества\nна 2020 – 2024 учебный год', '2020-09-01', '2024-08-31'],
    // school15.tim.kubannet.ru
    ['… в МБОУ СОШ № 15 в 2016-2017 учебном году', '2016-09-01', '2017-08-31'],
    // 31.schoolpodolsk.ru: a title split over two lines
    ['КАЛЕНДАРНЫЙ ПЛАН ВОСПИТАТЕЛЬНОЙ\nРАБОТЫ НА 2023-2024 УЧЕБНЫЙ ГОД', '2023-09-01', '2024-08-31'],
    // nik2.tvoysadik.ru (МБДОУ № 18)
    ['(сентябрь 2022 г. - май 2024 г.)', '2022-09-01', '2024-05-31'],
    // chelyab-gov.ru/doc/119281 (Озёрск)
    ['… в озерском городском округе на 2011 год и на среднесрочный период до 2013 года', '2011-01-01', '2013-12-31'],
    // base.garant.ru/73537496: «до 2025 года» from the year of the approving act
    ['Стратегии развития воспитания в Российской Федерации на период до 2025 года, утвержденной распоряжением Правительства Российской Федерации от 29.05.2015 N 996-р', '2015-01-01', '2025-12-31'],
    // 1pol.uralschool.ru: a plan of fifteen years
    ['План мероприятий («дорожная карта») по обеспечению доступности объектов и услуг для инвалидов … на период 2015 – 2030 гг.', '2015-01-01', '2030-12-31'],
    // docs.cntd.ru/document/350163313
    ['План мероприятий по реализации Концепции развития дополнительного образования детей до 2030 года, I этап (2022-2024 годы)', '2022-01-01', '2024-12-31'],
    // povedniki.schoolmsk.ru
    ['«Дорожная карта» реализации целевой модели наставничества в МБОУ « Поведниковская СОШ» на 2021-2024 г.г.', '2021-01-01', '2024-12-31'],
  ])('%j → %s … %s', (title, start, end) => {
    expect(inferPlanPeriod(title)).toEqual({ start, end });
  });

  it('a concept «до 2030 года» in the title is not a plan period by itself', () => {
    expect(inferPlanPeriod('Концепция развития дополнительного образования детей до 2030 года')).toBeNull();
  });
});

describe('the plan period of every real plan that states one', () => {
  it.each(loadRealCorpus().filter((r) => r.plan).map((r) => [r.slug, r] as const))('%s', (_slug, r) => {
    const plan = recognizeRoadmap(r.cells).plan;
    expect(plan && [plan.start, plan.end]).toEqual(r.plan);
  });
});
