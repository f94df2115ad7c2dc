import type { Citation } from './policy.types';

/**
 * The acts the product cites, one builder per act (clause left to the caller): the seeded
 * policies, the style checks and the findings cite them from here.
 */
export const khabarovsk = (clause: string): Citation => ({
  act: 'Постановление Правительства Хабаровского края',
  number: '77-пр',
  date: '2020-03-17',
  clause,
});
export const blagodarny = (clause: string): Citation => ({
  act: 'Постановление администрации Благодарненского муниципального округа Ставропольского края',
  number: '1249',
  date: '2023-11-09',
  clause,
});
export const plastunovskaya = (clause: string): Citation => ({
  act: 'Постановление администрации Пластуновского сельского поселения Динского района',
  number: '273',
  date: '2023-09-04',
  clause,
});
export const krasnodar413 = (clause: string): Citation => ({
  act: 'Постановление Губернатора Краснодарского края (изменения в № 478 от 20.08.2020)',
  number: '413',
  date: '2023-06-26',
  clause,
});
export const krasnodar449 = (clause: string): Citation => ({
  act: 'Постановление главы администрации (губернатора) Краснодарского края (изменения в № 478 от 20.08.2020)',
  number: '449',
  date: '2022-07-18',
  clause,
});
export const ORDER_2523: Citation = {
  act: 'Распоряжение Правительства Российской Федерации',
  number: '2523-р',
  date: '2022-09-02',
  clause: 'перечень социальных сетей для официальных страниц',
};
