import { DomainError, ProblemField } from '../common/errors/domain-error';

export enum AuthErrorCode {
  UNAUTHENTICATED = 'AUTH.UNAUTHENTICATED',
  TOKEN_INVALID = 'AUTH.TOKEN_INVALID',
  INVALID_CREDENTIALS = 'AUTH.INVALID_CREDENTIALS',
  FORBIDDEN_ROLE = 'AUTH.FORBIDDEN_ROLE',
  FORBIDDEN_SCOPE = 'AUTH.FORBIDDEN_SCOPE',
  USER_NOT_FOUND = 'AUTH.USER_NOT_FOUND',
  USER_EMAIL_TAKEN = 'AUTH.USER_EMAIL_TAKEN',
  SCOPE_MISMATCH = 'AUTH.SCOPE_MISMATCH',
  UNKNOWN_JURISDICTION = 'AUTH.UNKNOWN_JURISDICTION',
  UNKNOWN_ORGANIZATION = 'AUTH.UNKNOWN_ORGANIZATION',
  TOKEN_NOT_FOUND = 'AUTH.TOKEN_NOT_FOUND',
  LOGIN_PAUSED = 'AUTH.LOGIN_PAUSED',
}

const STATUS: Record<AuthErrorCode, number> = {
  [AuthErrorCode.UNAUTHENTICATED]: 401,
  [AuthErrorCode.TOKEN_INVALID]: 401,
  [AuthErrorCode.INVALID_CREDENTIALS]: 401,
  [AuthErrorCode.FORBIDDEN_ROLE]: 403,
  [AuthErrorCode.FORBIDDEN_SCOPE]: 403,
  [AuthErrorCode.USER_NOT_FOUND]: 404,
  [AuthErrorCode.USER_EMAIL_TAKEN]: 409,
  [AuthErrorCode.SCOPE_MISMATCH]: 422,
  [AuthErrorCode.UNKNOWN_JURISDICTION]: 422,
  [AuthErrorCode.UNKNOWN_ORGANIZATION]: 422,
  [AuthErrorCode.TOKEN_NOT_FOUND]: 404,
  [AuthErrorCode.LOGIN_PAUSED]: 429,
};

const MESSAGES: Record<AuthErrorCode, string> = {
  [AuthErrorCode.UNAUTHENTICATED]: 'Требуется вход: передайте токен в заголовке Authorization: Bearer <токен>.',
  [AuthErrorCode.TOKEN_INVALID]: 'Токен недействителен, истёк или отозван; войдите заново.',
  [AuthErrorCode.INVALID_CREDENTIALS]: 'Неверный адрес электронной почты или пароль.',
  [AuthErrorCode.FORBIDDEN_ROLE]: 'Вашей роли это действие не разрешено.',
  [AuthErrorCode.FORBIDDEN_SCOPE]: 'Эти данные относятся к организации или территории, к которой у вас нет доступа.',
  [AuthErrorCode.USER_NOT_FOUND]: 'Пользователь не найден.',
  [AuthErrorCode.USER_EMAIL_TAKEN]: 'Пользователь с таким адресом электронной почты уже есть.',
  [AuthErrorCode.SCOPE_MISMATCH]:
    'Координатору назначаются территории, редактору — организации; администратору и наблюдателю — ни то ни другое.',
  [AuthErrorCode.UNKNOWN_JURISDICTION]: 'Такой территории (юрисдикции) нет.',
  [AuthErrorCode.UNKNOWN_ORGANIZATION]: 'Такой организации нет.',
  [AuthErrorCode.TOKEN_NOT_FOUND]: 'Токен не найден.',
  [AuthErrorCode.LOGIN_PAUSED]:
    'Слишком много попыток входа в эту учётную запись подряд; вход приостановлен. Повторите позже (время ожидания — в заголовке Retry-After).',
};

export class AuthError extends DomainError {
  constructor(code: AuthErrorCode, details: Record<string, unknown> = {}, fields: ProblemField[] = []) {
    super(code, STATUS[code], MESSAGES[code], details, fields);
  }
}
