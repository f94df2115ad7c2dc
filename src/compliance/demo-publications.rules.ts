/** Demo publications for a first start: weeks of posts that meet, miss or exceed the minimum. */

const TEXTS = [
  'Сегодня открыли новую детскую площадку во дворе на Советской. Приходите с детьми — качели уже ждут!',
  'Напоминаем: в субботу с 10:00 проходит ярмарка выходного дня. Фермеры привезут мёд, овощи и выпечку.',
  'Как записаться к врачу без очереди? Рассказываем в карточках — листайте.',
  'В целях реализации программы благоустройства осуществляется ремонт дорожного покрытия по улице Ленина.',
  'Спасибо всем, кто пришёл на субботник! Вместе убрали парк и посадили 40 молодых лип.',
  'Состоялось заседание комиссии, в ходе которого было проведено обсуждение данного вопроса.',
  'Опрос: какой кружок открыть в доме культуры этой осенью? Голосуйте в комментариях.',
];

export interface DemoPage {
  id: string;
  url: string;
}

export interface DemoPublication {
  pageId: string;
  publishedAt: string;
  externalId: string;
  format: 'text' | 'photo' | 'cards' | 'poll';
  text: string;
}

const FORMATS: DemoPublication['format'][] = ['photo', 'text', 'cards', 'photo', 'photo', 'text', 'poll'];

/** A small stable number from a page id, so that a page keeps its habits from run to run. */
function seedOf(id: string): number {
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h;
}

/**
 * Posts of each page for the `weeks` local weeks before the current one. `mondays` are the
 * instants (ms) of those weeks' Mondays 00:00 local time, oldest first. Each page posts between 1 and
 * 6 times a week, so some weeks meet a minimum of 3 or 5 and some do not.
 */
export function demoPublications(pages: readonly DemoPage[], mondays: readonly number[]): DemoPublication[] {
  const rows: DemoPublication[] = [];
  for (const page of pages) {
    const seed = seedOf(page.id);
    mondays.forEach((monday, w) => {
      const count = 1 + (((seed >>> (w % 16)) + w * 7) % 6);
      for (let i = 0; i < count; i++) {
        const day = (i * 2 + (seed % 2)) % 7;
        const hour = 9 + ((seed + i * 5) % 9);
        const pick = (seed + w * 3 + i) % TEXTS.length;
        rows.push({
          pageId: page.id,
          publishedAt: new Date(monday + day * 86_400_000 + hour * 3_600_000).toISOString(),
          externalId: `demo-${w}-${i}`,
          format: FORMATS[pick]!,
          text: TEXTS[pick]!,
        });
      }
    });
  }
  return rows;
}
