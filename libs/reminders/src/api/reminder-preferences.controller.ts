import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Public, Roles } from '@linli/platform';
import { ReminderPreferencesService } from '../application/reminder-preferences.service';
import {
  PutReminderPreferencesRequest,
  PutReminderSettingsRequest,
  ReminderPreferencesDto,
  ReminderSettingsDto,
  UnsubscribeQuery,
} from './reminder-preferences.schema';

@ApiTags('reminders 提醒')
@ApiBearerAuth()
@Controller('v1')
export class ReminderPreferencesController {
  constructor(private readonly preferences: ReminderPreferencesService) {}

  /** Your reminder times and quiet hours (the defaults until you change them). */
  @Get('me/reminder-preferences')
  @ApiOkResponse({ type: ReminderPreferencesDto.Output })
  get(@CurrentActor() actor: Actor) {
    return this.preferences.get(actor);
  }

  /** Applies to reminders scheduled from now on. */
  @Put('me/reminder-preferences')
  @ApiOkResponse({ type: ReminderPreferencesDto.Output })
  put(@CurrentActor() actor: Actor, @Body() body: PutReminderPreferencesRequest) {
    return this.preferences.put(actor, body);
  }

  @Get('reminder-settings')
  @Roles('organiser')
  @ApiOkResponse({ type: ReminderSettingsDto.Output })
  getSettings(@CurrentActor() actor: Actor) {
    return this.preferences.getSettings(actor);
  }

  /** The community's digest time (its wall clock). */
  @Put('reminder-settings')
  @Roles('organiser')
  @ApiOkResponse({ type: ReminderSettingsDto.Output })
  putSettings(@CurrentActor() actor: Actor, @Body() body: PutReminderSettingsRequest) {
    return this.preferences.putSettings(actor, body);
  }

  /** The link in non-essential mail: no login, the signed token says who and what. */
  @Get('reminders/unsubscribe')
  @Public()
  unsubscribe(@Query() { token }: UnsubscribeQuery) {
    return this.preferences.unsubscribe(token);
  }
}
