import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access, Public } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal';
import type { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { CalendarService } from '../calendar/calendar.service';
import { formatInstant, formatOptionalInstant } from '../calendar/working-time';
import { UuidPipe } from '../common/pipes/uuid.pipe';
import { ApiProblems, problemResponse } from '../common/problem/api-problems.decorator';
import { prefersHtml } from '../common/problem/prefers-html';
import { NotificationsError, NotificationsErrorCode } from './notifications.errors';
import { DeliveryService } from './delivery.service';
import {
  DeliveryReportDto,
  OutboxListDto,
  OutboxMessageDetailDto,
  OutboxMessageDto,
  OutboxQueryDto,
  PreferencesDto,
  TickReportDto,
  UnsubscribeQueryDto,
  UpdatePreferencesDto,
} from './dto/notifications.dto';
import type { OutboxMessage } from './notification.entity';
import { confirmationPage } from './notification-views';
import { subjectOf } from './notifications.texts';
import { TOPIC_TITLES, UNSUBSCRIBE_TEXTS } from './notifications.texts';
import { NotificationsService } from './notifications.service';
import { API_TAG } from '../common/openapi/api-tags';
import { ApiUuidParam } from '../common/openapi/api-params';

const HTML = 'text/html; charset=utf-8';
const HTML_EXAMPLE = { type: 'string', example: '<!doctype html><html lang="ru">…</html>' };
/** A link without a token is refused by validation (problem+json); a forged or stale one gets a page. */
const INVALID_LINK = {
  description:
    'Ссылка без токена или с недействительным токеном: problem+json, а браузеру (Accept: text/html) — страница HTML',
  content: { ...problemResponse(400).content, 'text/html': { schema: HTML_EXAMPLE } },
};

/** The outbox (admins), the schedule and the worker on demand, preferences, one-click unsubscribe. */
@ApiTags(API_TAG.notifications)
@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly delivery: DeliveryService,
    private readonly calendar: CalendarService,
  ) {}

  @Get('outbox')
  @ApiBearerAuth()
  @Access({ roles: [Role.Admin] })
  @ApiOperation({
    summary: 'Исходящие письма, новые сначала',
    description: 'Без SMTP_URL письма остаются здесь и не отправляются. Только администратор.',
  })
  @ApiOkResponse({ type: OutboxListDto })
  @ApiProblems(400, 401, 403)
  async outbox(@Query() query: OutboxQueryDto): Promise<OutboxListDto> {
    const rows = await this.notifications.listOutbox({ ...query, limit: query.limit ?? 100 });
    const zones = await this.calendar.timeZones();
    return { items: rows.map((m) => messageDto(m, zones.get(m.jurisdictionCode)!)) };
  }

  @Get('outbox/:id')
  @ApiBearerAuth()
  @Access({ roles: [Role.Admin] })
  @ApiUuidParam('id', 'Идентификатор письма', '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f')
  @ApiOperation({
    summary: 'Исходящее письмо с попытками доставки',
    description: 'Письмо, его данные и все попытки доставки. Только администратор.',
  })
  @ApiOkResponse({ type: OutboxMessageDetailDto })
  @ApiProblems(400, 401, 403, 404)
  async message(@Param('id', UuidPipe) id: string): Promise<OutboxMessageDetailDto> {
    const { message, attempts } = await this.notifications.message(id);
    const timeZone = (await this.calendar.jurisdiction(message.jurisdictionCode)).timeZone;
    return {
      ...messageDto(message, timeZone),
      data: message.data,
      history: attempts.map((a) => ({
        attempt: a.attempt,
        startedAt: formatInstant(a.startedAt, timeZone),
        finishedAt: formatOptionalInstant(a.finishedAt, timeZone),
        outcome: a.outcome,
        response: a.response,
      })),
    };
  }

  @Get('outbox/:id/preview')
  @ApiBearerAuth()
  @Access({ roles: [Role.Admin] })
  @ApiUuidParam('id', 'Идентификатор письма', '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f')
  @ApiOperation({
    summary: 'Просмотр письма (HTML)',
    description: 'HTML-часть письма так, как её увидит получатель. Только администратор.',
  })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'HTML e-mail', schema: HTML_EXAMPLE })
  @ApiProblems(400, 401, 403, 404)
  async preview(@Param('id', UuidPipe) id: string, @Res() reply: FastifyReply) {
    return reply.type(HTML).send(await this.notifications.preview(id));
  }

  @Post('outbox/deliver')
  @HttpCode(200)
  @ApiBearerAuth()
  @Access({ roles: [Role.Admin] })
  @ApiOperation({
    summary: 'Отправить готовые письма сейчас',
    description:
      'Запускает доставку всех писем, срок которых наступил (она также работает по расписанию). Если доставка уже идёт — 409. Только администратор.',
  })
  @ApiOkResponse({ type: DeliveryReportDto })
  @ApiProblems(401, 403, 409)
  deliver(): Promise<DeliveryReportDto> {
    return this.delivery.deliverDue();
  }

  @Post('tick')
  @HttpCode(200)
  @ApiBearerAuth()
  @Access({ roles: [Role.Admin] })
  @ApiOperation({
    summary: 'Выполнить расписание уведомлений сейчас',
    description:
      'Ставит в очередь сводки и напоминания, которые должны уйти в этот момент на каждой территории. Только администратор.',
  })
  @ApiOkResponse({ type: TickReportDto })
  @ApiProblems(401, 403)
  tick(): Promise<TickReportDto> {
    return this.notifications.tick();
  }

  @Get('preferences')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Мои настройки уведомлений',
    description: 'Какие письма получает пользователь; пока не изменены, включено всё.',
  })
  @ApiOkResponse({ type: PreferencesDto })
  @ApiProblems(401)
  preferences(@CurrentPrincipal() principal: Principal): Promise<PreferencesDto> {
    return this.notifications.preferences(principal.email);
  }

  @Put('preferences')
  @ApiBearerAuth()
  @Access({ roles: [Role.Admin, Role.Coordinator, Role.Editor] })
  @ApiOperation({
    summary: 'Изменить мои настройки уведомлений',
    description: 'Поля, которых нет в запросе, сохраняют значение. Ответ — все настройки после изменения.',
  })
  @ApiOkResponse({ type: PreferencesDto })
  @ApiProblems(400, 401, 403)
  setPreferences(
    @CurrentPrincipal() principal: Principal,
    @Body() body: UpdatePreferencesDto,
  ): Promise<PreferencesDto> {
    return this.notifications.setPreferences(principal.email, body);
  }

  @Get('unsubscribe')
  @Public()
  @ApiOperation({
    summary: 'Ссылка отписки из письма: страница подтверждения',
    description:
      'Русская страница HTML с просьбой подтвердить отписку; сама по себе не отписывает. Доступно без входа; без токена или с неверным токеном — 400.',
  })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'Страница HTML', schema: HTML_EXAMPLE })
  @ApiBadRequestResponse(INVALID_LINK)
  async unsubscribePage(
    @Query() query: UnsubscribeQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const claim = await this.notifications.readUnsubscribe(query.token);
    if (!claim) {
      if (!prefersHtml(request)) throw new NotificationsError(NotificationsErrorCode.UNSUBSCRIBE_LINK_INVALID);
      return reply
        .status(400)
        .type(HTML)
        .send(confirmationPage(UNSUBSCRIBE_TEXTS.invalidTitle, UNSUBSCRIBE_TEXTS.invalid));
    }
    const action = `/api/v1/notifications/unsubscribe?token=${encodeURIComponent(query.token)}`;
    return reply.type(HTML).send(
      confirmationPage(
        UNSUBSCRIBE_TEXTS.confirmTitle,
        UNSUBSCRIBE_TEXTS.confirm(TOPIC_TITLES[claim.topic], claim.email),
        {
          action,
          button: UNSUBSCRIBE_TEXTS.button,
        },
      ),
    );
  }

  @Post('unsubscribe')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Отписка одним нажатием (RFC 8058)',
    description:
      'Тело List-Unsubscribe=One-Click: отключает тему писем для адреса из подписанного токена. Доступно без входа; без токена или с неверным токеном — 400.',
  })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'Страница HTML', schema: HTML_EXAMPLE })
  @ApiBadRequestResponse(INVALID_LINK)
  async unsubscribe(@Query() query: UnsubscribeQueryDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const claim = await this.notifications.unsubscribe(query.token);
    if (!claim) {
      if (!prefersHtml(request)) throw new NotificationsError(NotificationsErrorCode.UNSUBSCRIBE_LINK_INVALID);
      return reply
        .status(400)
        .type(HTML)
        .send(confirmationPage(UNSUBSCRIBE_TEXTS.invalidTitle, UNSUBSCRIBE_TEXTS.invalid));
    }
    return reply
      .type(HTML)
      .send(
        confirmationPage(UNSUBSCRIBE_TEXTS.doneTitle, UNSUBSCRIBE_TEXTS.done(TOPIC_TITLES[claim.topic], claim.email)),
      );
  }
}

/** A message's instants are given in the offset of the jurisdiction it is about. */
function messageDto(m: OutboxMessage, timeZone: string): OutboxMessageDto {
  return {
    id: m.id,
    kind: m.kind,
    idempotencyKey: m.idempotencyKey,
    messageId: m.messageId,
    recipientEmail: m.recipientEmail,
    recipientName: m.recipientName,
    subject: subjectOf(m.kind, m.data),
    jurisdiction: m.jurisdictionCode,
    organizationId: m.organizationId,
    status: m.status,
    attempts: m.attempts,
    nextAttemptAt: formatInstant(m.nextAttemptAt, timeZone),
    lastError: m.lastError,
    sentAt: formatOptionalInstant(m.sentAt, timeZone),
    createdAt: formatInstant(m.createdAt, timeZone),
  };
}
