import { nominalStem, participleRoot, verbRoot } from './russian-stemmer';

const roots = (words: string[]) => new Set(words.map((word) => verbRoot(word).root));
const stems = (words: string[], paradigm: Parameters<typeof nominalStem>[1]) =>
  new Set(words.map((word) => nominalStem(word, paradigm).stem));

describe('Russian inflection matcher', () => {
  it('gives every form of a verb and its aspect pair one root', () => {
    const families = [
      ['осуществлять', 'осуществляет', 'осуществлялись', 'осуществить', 'осуществим', 'осуществляемый'],
      ['оказывать', 'оказывает', 'оказать', 'окажем', 'оказали'],
      ['обеспечивать', 'обеспечиваем', 'обеспечить', 'обеспечит'],
      ['реализовывать', 'реализовать', 'реализует', 'реализуем'],
      ['принимать', 'принимают', 'принять', 'приняли'],
      ['доводить', 'довожу', 'доводим'],
      ['отмечать', 'отмечаем', 'отметить', 'отметили'],
    ];
    for (const family of families) expect([family[0], roots(family).size]).toEqual([family[0], 1]);
    expect(roots(families.map((family) => family[0])).size).toBe(families.length);
  });

  it('keeps reflexive forms apart and different verbs apart', () => {
    expect(verbRoot('является')).toEqual({ root: 'явл', reflexive: true, verbal: true });
    expect(verbRoot('являлись').reflexive).toBe(true);
    expect(verbRoot('носить').root).not.toBe(verbRoot('нести').root);
    expect(verbRoot('проживать').root).not.toBe(verbRoot('продавать').root);
    expect(verbRoot('осуществление').verbal).toBe(false);
  });

  it('strips only the endings of the paradigm asked for', () => {
    expect(stems(['данный', 'данного', 'данной', 'данными'], 'adjective')).toEqual(new Set(['данн']));
    expect(nominalStem('дано', 'adjective').inflected).toBe(false);
    expect(nominalStem('сам', 'adjective').inflected).toBe(false);
    expect(stems(['мероприятие', 'мероприятия', 'мероприятиях', 'мероприятием'], 'i_noun')).toEqual(
      new Set(['мероприят']),
    );
    expect(nominalStem('осуществлено', 'i_noun').inflected).toBe(false);
    expect(stems(['обмен', 'обмена', 'обменом'], 'noun')).toEqual(new Set(['обмен']));
    expect(nominalStem('обучающихся', 'adjective')).toEqual({ stem: 'обучающ', inflected: true, reflexive: true });
  });

  it('finds passive participles and only them', () => {
    expect(new Set(['проведено', 'проведена', 'проведён', 'проведённые'].map(participleRoot))).toEqual(
      new Set(['провед']),
    );
    expect(participleRoot('принято')).toBe(participleRoot('принятые'));
    expect(participleRoot('отмечено')).toBe('отмеч');
    expect(participleRoot('отметили')).toBeUndefined();
    expect(participleRoot('работа')).toBeUndefined();
  });
});
