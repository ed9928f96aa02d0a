import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, ApiDoc, CurrentActor, formatInstant, formatOptionalInstant } from '@linli/platform';
import { CommunityZones } from '@linli/identity';
import { MyShiftsQueryService, type MyShift } from '../application/claims/my-shifts-query.service';
import { MyShiftResponse, MyShiftsDto, MyShiftsQuery } from './my-shift.schema';

/** 我的班次: what a volunteer's phone shows first. */
@ApiTags('my shifts 我的班次')
@ApiBearerAuth()
@Controller('v1/me/shifts')
export class MyShiftsController {
  constructor(
    private readonly myShifts: MyShiftsQueryService,
    private readonly zones: CommunityZones,
  ) {}

  /**
   * Your shifts (claims not cancelled) that overlap the window, earliest first: title, place,
   * times in the shift's zone, and where you stand (a place, checked in, waitlisted and how far
   * back, attended), with the time until which you may cancel yourself.
   */
  @Get()
  @ApiDoc('My shifts · 我的班次')
  @ApiOkResponse({ type: MyShiftsDto.Output })
  async list(@CurrentActor() actor: Actor, @Query() query: MyShiftsQuery) {
    const mine = await this.myShifts.forActor(actor, query);
    const zone = await this.zones.of(actor.communityId);
    return {
      personId: mine.personId,
      from: formatInstant(mine.from, zone),
      to: formatInstant(mine.to, zone),
      timeZone: zone,
      truncated: mine.truncated,
      items: mine.items.map(mapMyShift),
    };
  }
}

/** Everything about one shift in the shift's own zone, which the item names. */
function mapMyShift(mine: MyShift): MyShiftResponse {
  const zone = mine.shift.timeZone;
  return {
    claimId: mine.claimId,
    status: mine.status,
    waitlistPosition: mine.waitlistPosition,
    checkedInAt: formatOptionalInstant(mine.checkedInAt, zone),
    checkedOutAt: formatOptionalInstant(mine.checkedOutAt, zone),
    cancellableUntil: formatInstant(mine.cancellableUntil, zone),
    shiftId: mine.shift.id,
    title: mine.shift.title,
    locationText: mine.shift.locationText,
    estate: mine.shift.estate,
    startsAt: formatInstant(mine.shift.startsAt, zone),
    endsAt: formatInstant(mine.shift.endsAt, zone),
    timeZone: zone,
    shiftStatus: mine.shift.status,
  };
}
