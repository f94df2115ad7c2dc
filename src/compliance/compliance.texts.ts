import type { FindingKind } from './finding.rules';
import type { QuotaStatus } from './quota.rules';

/** What each finding means, for a press officer (Russian; one place to review). */
export const FINDING_TITLES: Record<FindingKind, string> = {
  quota_short: 'За неделю опубликовано меньше установленного минимума',
  obligation_overdue: 'Не исполнена в срок обязанность сообщить об изменении',
  frequency_decision_not_communicated: 'Решение об иной частоте публикаций не доведено до организации в срок',
  no_responsible: 'Не назначено ответственное лицо',
  responsible_rank_below_minimum: 'Ответственное лицо ниже установленного уровня должности',
  no_esia_authorized: 'Нет уполномоченного лица, идентифицированного через ЕСИА',
  no_gosuslugi_mark: 'У официальной страницы нет специальной отметки Госуслуг',
  no_feedback_widget: 'На странице не размещена форма платформы обратной связи (ПОС)',
  comments_closed: 'Комментарии к публикациям закрыты',
  checklist_incomplete: 'Оформление страницы не соответствует требованиям',
  no_page_in_required_network: 'Нет официальной страницы в обязательной социальной сети',
  second_page_in_network: 'Больше одной официальной страницы в одной социальной сети',
  legacy_network_page: 'Страница в социальной сети, которая не может быть официальной, числится действующей',
  content_plan_not_submitted: 'Контент-план на неделю не представлен в срок',
  content_plan_late: 'Контент-план представлен с опозданием',
  content_plan_review_overdue: 'Контент-план не рассмотрен в течение одного рабочего дня',
  content_plan_resubmission_overdue: 'Доработанный контент-план не представлен в течение одного рабочего дня',
  style: 'В текстах публикаций есть канцеляризмы, штампы или ошибки',
};

export const QUOTA_STATUS_TITLES: Record<QuotaStatus, string> = {
  met: 'минимум выполнен',
  short: 'меньше минимума',
  excused: 'недостаток публикаций обоснован в контент-плане',
  exempt: 'организация освобождена от ведения страниц',
  not_applicable: 'минимум не применяется',
};
