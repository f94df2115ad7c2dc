import { DomainError, ProblemField } from '../common/errors/domain-error';

export enum NotificationsErrorCode {
  MESSAGE_NOT_FOUND = 'NOTIFICATIONS.MESSAGE_NOT_FOUND',
  SMTP_NOT_CONFIGURED = 'NOTIFICATIONS.SMTP_NOT_CONFIGURED',
  NO_EMAIL = 'NOTIFICATIONS.NO_EMAIL',
  UNSUBSCRIBE_LINK_INVALID = 'NOTIFICATIONS.UNSUBSCRIBE_LINK_INVALID',
}

const STATUS: Record<NotificationsErrorCode, number> = {
  [NotificationsErrorCode.MESSAGE_NOT_FOUND]: 404,
  [NotificationsErrorCode.SMTP_NOT_CONFIGURED]: 409,
  [NotificationsErrorCode.NO_EMAIL]: 409,
  [NotificationsErrorCode.UNSUBSCRIBE_LINK_INVALID]: 400,
};

const MESSAGES: Record<NotificationsErrorCode, string> = {
  [NotificationsErrorCode.MESSAGE_NOT_FOUND]: 'Такого письма в очереди уведомлений нет.',
  [NotificationsErrorCode.SMTP_NOT_CONFIGURED]:
    'Почтовый сервер не настроен (SMTP_URL): письма хранятся в очереди и доступны для просмотра.',
  [NotificationsErrorCode.NO_EMAIL]: 'У учётной записи нет адреса электронной почты для уведомлений.',
  [NotificationsErrorCode.UNSUBSCRIBE_LINK_INVALID]:
    'Ссылка для отписки повреждена или устарела. Настройки уведомлений можно изменить в личном кабинете.',
};

export class NotificationsError extends DomainError {
  constructor(code: NotificationsErrorCode, details: Record<string, unknown> = {}, fields: ProblemField[] = []) {
    super(code, STATUS[code], MESSAGES[code], details, fields);
  }
}
