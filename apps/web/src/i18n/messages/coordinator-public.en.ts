import type { coordinatorPublicZhCN } from './coordinator-public.zh-CN';

export const coordinatorPublicEn: Record<keyof typeof coordinatorPublicZhCN, string> = {
  'nav.coordinatorBlocks': 'Our places',
  'nav.coordinatorHours': 'Our hours',

  'coordinator.blocks.title': "Our organisation's places",
  'coordinator.blocks.intro':
    'Places the community holds for {organisation}. Put members on them; places still unassigned at the release time go back to everyone.',
  'coordinator.blocks.none': 'No places are held for your organisation at the moment.',
  'coordinator.blocks.noOrganisation':
    'Your account belongs to no organisation. Please ask the community office.',
  'coordinator.blocks.filled': '{assigned} of {places} assigned',
  'coordinator.blocks.releaseLater': 'Not yet assigned: {unassigned}. On {time} these go back to everyone.',
  'coordinator.blocks.releaseSoon':
    'Assign soon! Not yet assigned: {unassigned}. On {time} these go back to everyone.',
  'coordinator.blocks.allAssigned': 'Every place is assigned.',
  'coordinator.blocks.members': 'Members on these places',
  'coordinator.blocks.noMembers': 'No members yet.',
  'coordinator.blocks.assignLabel': 'Assign a member',
  'coordinator.blocks.choose': 'Choose a member',
  'coordinator.blocks.assign': 'Assign',
  'coordinator.blocks.assigned': '{name} is now on “{title}”',
  'coordinator.blocks.noneToAssign': 'No more members to assign.',
  'coordinator.blocks.shrinkLabel': 'Places to keep',
  'coordinator.blocks.shrink': 'Hold fewer',
  'coordinator.blocks.shrunk': 'Now holding {places} places',
  'coordinator.blocks.cancel': 'Give up the places',
  'coordinator.blocks.cancelConfirm':
    'Give up these places? Unassigned places go back to everyone; assigned members stay on the shift.',
  'coordinator.blocks.cancelOk': 'Give them up',
  'coordinator.blocks.cancelKeep': 'Keep',
  'coordinator.blocks.cancelled': 'Places on “{title}” given up',
  'coordinator.blocks.phone': 'Phone {phone}',

  'coordinator.hours.title': "Our organisation's service hours",
  'coordinator.hours.intro': "{organisation} members' volunteering hours this year (with additions).",
  'coordinator.hours.none': 'No service hours recorded this year yet.',
  'coordinator.hours.name': 'Member',
  'coordinator.hours.shifts': 'Shifts done',
  'coordinator.hours.hours': 'Hours',
  'coordinator.hours.total': 'Total',
  'coordinator.hours.period': '{from} to {to}',

  'public.communities.title': 'Community programme',
  'public.communities.none': 'There is no community here yet.',
  'public.communities.link': 'See the market and the service vehicle without signing in',
  'public.community.intro':
    "The community market and the service vehicle's visits. No sign-in needed; add them to your phone's calendar too.",
  'public.community.marketTitle': 'The market in the next seven days',
  'public.community.nothing': 'No market dates announced for the next seven days.',
  'public.community.estates': 'Estates',
  'public.community.estatesIntro': 'Choose your estate to see when the service vehicle comes.',
  'public.estate.intro': 'When the service vehicle comes to {estate}. No sign-in needed.',
  'public.estate.visits': 'The service vehicle in the next seven days',
  'public.estate.nothing':
    'No service vehicle visit to {estate} is planned yet. Once one is, it shows here and in the subscribed calendar.',
  'public.estate.back': 'Back to {community}',
  'public.subscribe.title': "Add to your phone's calendar",
  'public.subscribe.intro':
    'Scan the QR code with your phone or open a link below: new dates appear in your calendar by themselves.',
  'public.subscribe.qrAlt': 'QR code of the calendar link',
  'public.subscribe.webcal': 'Open in my calendar app',
  'public.subscribe.https': 'Calendar address',
  'public.feedFailed': 'The programme cannot be read just now. Please try again later.',

  'kiosk.open': 'Show the check-in QR code (full screen)',
  'kiosk.title': 'Check in here',
  'kiosk.intro': 'Scan the QR code with your phone to check in',
  'kiosk.code': 'Check-in code',
  'kiosk.window': 'Check-in open {opens} to {closes}',
  'kiosk.qrAlt': 'Check-in QR code',
  'kiosk.refreshed': 'The code changes every day; this page updates by itself.',
};
