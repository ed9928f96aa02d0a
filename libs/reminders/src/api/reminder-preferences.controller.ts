import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, ApiDoc, CurrentActor, Public, Roles } from '@linli/platform';
import { ReminderPreferencesService } from '../application/reminder-preferences.service';
import {
  PutReminderPreferencesRequest,
  PutReminderSettingsRequest,
  ReminderPreferencesDto,
  ReminderSettingsDto,
  UnsubscribeQuery,
  UnsubscribedDto,
} from './reminder-preferences.schema';

@ApiTags('reminders 提醒')
@ApiBearerAuth()
@Controller('v1')
export class ReminderPreferencesController {
  constructor(private readonly preferences: ReminderPreferencesService) {}

  /** Your reminder times and quiet hours (the defaults until you change them). */
  @Get('me/reminder-preferences')
  @ApiDoc('My reminder times and quiet hours · 我的提醒设置', 'FORBIDDEN')
  @ApiOkResponse({ type: ReminderPreferencesDto.Output })
  get(@CurrentActor() actor: Actor) {
    return this.preferences.get(actor);
  }

  /** Applies to reminders scheduled from now on. */
  @Put('me/reminder-preferences')
  @ApiDoc('Change my reminder times and quiet hours · 修改提醒设置', 'FORBIDDEN')
  @ApiOkResponse({ type: ReminderPreferencesDto.Output })
  put(@CurrentActor() actor: Actor, @Body() body: PutReminderPreferencesRequest) {
    return this.preferences.put(actor, body);
  }

  @Get('reminder-settings')
  @Roles('organiser')
  @ApiDoc("The organisers' daily digest time · 每日摘要设置")
  @ApiOkResponse({ type: ReminderSettingsDto.Output })
  getSettings(@CurrentActor() actor: Actor) {
    return this.preferences.getSettings(actor);
  }

  /** The community's digest time (its wall clock). */
  @Put('reminder-settings')
  @Roles('organiser')
  @ApiDoc("Change the organisers' daily digest time · 修改每日摘要设置")
  @ApiOkResponse({ type: ReminderSettingsDto.Output })
  putSettings(@CurrentActor() actor: Actor, @Body() body: PutReminderSettingsRequest) {
    return this.preferences.putSettings(actor, body);
  }

  /** The link in non-essential mail: no login, the signed token says who and what. */
  @Get('reminders/unsubscribe')
  @Public()
  @ApiDoc('Unsubscribe from a kind of mail, by the link in it · 退订', 'UNSUBSCRIBE_TOKEN_INVALID')
  @ApiOkResponse({ type: UnsubscribedDto.Output })
  unsubscribe(@Query() { token }: UnsubscribeQuery) {
    return this.preferences.unsubscribe(token);
  }
}
