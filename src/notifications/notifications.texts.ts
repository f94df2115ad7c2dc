import type { NotificationKind, PreferenceTopic } from './notifications.rules';

/** Everything a person reads in notifications, in Russian, in one place to review. */
export const PRODUCT_NAME = 'Реестр официальных страниц и контент-планов';

export const TOPIC_TITLES: Record<PreferenceTopic, string> = {
  coordinatorDigest: 'еженедельная сводка координатора',
  organizationDigest: 'еженедельная сводка организации',
  planReminders: 'напоминания о сроке контент-плана',
  obligationReminders: 'напоминания о сроках сообщений в реестр',
  quotaReminders: 'предупреждения о недостатке публикаций',
  workflowNotices: 'уведомления о рассмотрении контент-планов',
};

/** Subjects from the stored data of a message (plain text; the mailer encodes the header). */
export function subjectOf(kind: NotificationKind, data: Record<string, unknown>): string {
  const s = (key: string) => String(data[key] ?? '');
  switch (kind) {
    case 'coordinator_digest':
      return `Сводка за неделю ${s('week')}: ${s('jurisdictionName')}`;
    case 'organization_digest':
      return `Сводка за неделю ${s('week')}: ${s('organizationName')}`;
    case 'plan_due_reminder':
      return data.stage === 'due_day'
        ? `Сегодня до ${s('dueTime')} — срок контент-плана на неделю ${s('week')}`
        : `Завтра срок контент-плана на неделю ${s('week')}`;
    case 'obligation_due_reminder':
      return `Завтра срок: ${s('duty')}`;
    case 'quota_at_risk':
      return `Мало публикаций за неделю ${s('week')}: ${s('organizationName')}`;
    case 'plan_submitted':
      return `Контент-план на неделю ${s('week')} представлен: ${s('organizationName')}`;
    case 'plan_changes_requested':
      return `Контент-план на неделю ${s('week')} возвращён на доработку`;
    case 'plan_approved':
      return `Контент-план на неделю ${s('week')} утверждён`;
  }
}

export const PLAN_STATE_TITLES = {
  missing: 'не представлен',
  late: 'представлен с опозданием',
} as const;

export const STAGE_TITLES = {
  day_before: 'завтра',
  due_day: 'сегодня',
} as const;

export const WORKFLOW_TITLES = {
  plan_submitted: 'представлен на согласование',
  plan_resubmitted: 'доработан и представлен повторно',
  plan_changes_requested: 'возвращён на доработку с рекомендациями',
  plan_approved: 'утверждён',
} as const;

export const SEVERITY_TITLES: Record<string, string> = {
  violation: 'нарушение',
  recommendation: 'рекомендация',
};

/** The confirmation pages of the unsubscribe link. */
export const UNSUBSCRIBE_TEXTS = {
  confirmTitle: 'Отписаться от рассылки',
  confirm: (topic: string, email: string) => `Отписать адрес ${email} от рассылки «${topic}»?`,
  button: 'Отписаться',
  doneTitle: 'Вы отписаны',
  done: (topic: string, email: string) =>
    `Адрес ${email} больше не получает рассылку «${topic}». Включить её снова можно в настройках уведомлений.`,
  invalidTitle: 'Ссылка недействительна',
  invalid: 'Ссылка для отписки повреждена или устарела. Настройки уведомлений можно изменить в личном кабинете.',
};
