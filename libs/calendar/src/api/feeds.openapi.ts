import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiDoc, type ErrorCode } from '@linli/platform';

/**
 * The OpenAPI description of the /cal feeds, what calendar clients poll and the web app links to.
 * They answer text/calendar; their errors are problem+json like the rest of the API (ApiDoc's
 * codes; the document adds VALIDATION_FAILED for the path parameters).
 */

const VALIDATOR_HEADERS = {
  ETag: {
    description:
      'The content’s validator: strong for the identity encoding, the same value marked weak (W/) for gzip.',
    schema: { type: 'string' },
  },
  'Last-Modified': { description: 'When the content last changed.', schema: { type: 'string' } },
  'Cache-Control': { schema: { type: 'string' } },
  Vary: { description: 'Accept-Encoding', schema: { type: 'string' } },
};

/** What every feed answers, its conditional-request and encoding headers, and its error codes. */
function FeedDocs(
  operation: { summary: string; description: string },
  cacheControl: string,
  ...errors: ErrorCode[]
) {
  return applyDecorators(
    ApiTags('calendar feeds 日历订阅源'),
    ApiDoc(operation.summary, ...errors, 'SERVICE_UNAVAILABLE'),
    ApiOperation(operation),
    ApiProduces('text/calendar'),
    ApiHeader({
      name: 'If-None-Match',
      required: false,
      description: 'The ETag held: 304 Not Modified while the content is unchanged.',
    }),
    ApiHeader({
      name: 'Accept-Encoding',
      required: false,
      description: 'gzip: the body comes gzipped (Content-Encoding: gzip).',
    }),
    ApiResponse({
      status: 200,
      description: `The calendar (RFC 5545), one VEVENT per occurrence. Cache-Control: ${cacheControl}.`,
      headers: {
        ...VALIDATOR_HEADERS,
        'Content-Encoding': { description: 'gzip when the client accepts it.', schema: { type: 'string' } },
      },
      content: { 'text/calendar': { schema: { type: 'string', example: 'BEGIN:VCALENDAR\r\n…' } } },
    }),
    ApiResponse({
      status: 304,
      description: 'Not Modified: If-None-Match (or, without it, If-Modified-Since) holds. No body.',
      headers: VALIDATOR_HEADERS,
    }),
  );
}

export const PersonalFeedDocs = () =>
  applyDecorators(
    FeedDocs(
      {
        summary: 'A personal calendar feed · 个人日历订阅',
        description:
          'The feed a subscription URL names (POST /api/v1/calendar-subscriptions issues it). No ' +
          'login: the token is the secret. The owner’s rights are checked on every poll. A revoked ' +
          'URL answers an empty calendar for FEED_REVOKED_GRACE_DAYS, then 410. At most ' +
          'FEED_LIMIT_PER_HOUR requests an hour per subscription (429 with Retry-After).',
      },
      'private, no-cache',
      'NOT_FOUND',
      'CALENDAR_FEED_GONE',
      'TOO_MANY_REQUESTS',
    ),
    ApiParam({
      name: 'token',
      description: 'The 43-character base64url token of the subscription URL.',
      schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$' },
    }),
  );

const SLUG = ApiParam({
  name: 'communitySlug',
  description: 'The community’s slug, e.g. chengnan.',
  schema: { type: 'string', maxLength: 100 },
});

export const PublicMarketFeedDocs = () =>
  applyDecorators(
    FeedDocs(
      {
        summary: 'The community market’s public calendar · 市集公开日历',
        description: 'Market sessions, for anyone: no login, nothing about who staffs them.',
      },
      'public, max-age=300',
      'NOT_FOUND',
    ),
    SLUG,
  );

export const PublicVisitsFeedDocs = () =>
  applyDecorators(
    FeedDocs(
      {
        summary: 'An estate’s service-vehicle visits, public · 小区流动服务车公开日历',
        description:
          'When the service vehicles come to one estate, for anyone: no login, nothing about who staffs them.',
      },
      'public, max-age=300',
      'NOT_FOUND',
    ),
    SLUG,
    ApiParam({ name: 'estateId', schema: { type: 'string', format: 'uuid' } }),
  );
