import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, ApiDoc, CurrentActor } from '@linli/platform';
import { PreviewResult, RecurrencePreviewService } from '../application/recurrence-preview.service';
import { PreviewRecurrenceRequest, PreviewRecurrenceResponse } from './recurrence-preview.schema';

/** Any signed-in user may preview; organisers use it before saving a series. Reads only. */
@ApiTags('recurrence 重复规则')
@ApiBearerAuth()
@Controller('v1/recurrence')
export class RecurrencePreviewController {
  constructor(private readonly previews: RecurrencePreviewService) {}

  @Post('preview')
  @HttpCode(200)
  @ApiDoc(
    'Preview the occurrences of a rule, holidays applied · 预览重复规则',
    'RRULE_INVALID',
    'TIME_ZONE_INVALID',
    'RECURRENCE_LIMIT',
    'HOLIDAY_POLICY_NOT_APPLICABLE',
  )
  @ApiOkResponse({ type: PreviewRecurrenceResponse.Output })
  preview(@CurrentActor() actor: Actor, @Body() body: PreviewRecurrenceRequest): Promise<PreviewResult> {
    return this.previews.preview(actor, body);
  }
}
