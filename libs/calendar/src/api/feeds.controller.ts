import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, Public } from '@linli/platform';
import { FeedService } from '../application/feed.service';
import type { RenderedFeed } from '../application/feed-assembler';
import { isNotModified } from './conditional-request';
import { PersonalFeedDocs, PublicMarketFeedDocs, PublicVisitsFeedDocs } from './feeds.openapi';

const PERSONAL = 'private, no-cache';
const PUBLIC = 'public, max-age=300';

/**
 * The feeds calendar clients poll, outside /api. GET and HEAD (Express answers HEAD from the GET
 * route without a body). The request log shows /cal/[token], never the token.
 */
@Public()
@Controller('cal')
export class FeedsController {
  constructor(private readonly feeds: FeedService) {}

  @Get('public/:communitySlug/market.ics')
  @PublicMarketFeedDocs()
  async market(
    @Param('communitySlug') slug: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    response.setHeader('Referrer-Policy', 'no-referrer');
    await send(request, response, await this.feeds.publicMarket(slug), PUBLIC, { byDateToo: false });
  }

  @Get('public/:communitySlug/estates/:estateId/visits.ics')
  @PublicVisitsFeedDocs()
  async visits(
    @Param('communitySlug') slug: string,
    @Param('estateId') estateId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    response.setHeader('Referrer-Policy', 'no-referrer');
    const feed = await this.feeds.publicVisits(slug, estateId);
    await send(request, response, feed, PUBLIC, { byDateToo: false });
  }

  @Get(':token.ics')
  @PersonalFeedDocs()
  async personal(
    @Param('token') token: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    // Set first: error answers (404, 410, 429) must not leak the URL through a Referer either.
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('Cache-Control', PERSONAL);
    const answer = await this.feeds.forToken(token);
    if (answer.kind === 'rate-limited') {
      response.setHeader('Retry-After', String(answer.retryAfterSeconds));
      throw new DomainError('TOO_MANY_REQUESTS', 'This feed is polled too often; try again later');
    }
    await send(request, response, answer.feed, PERSONAL, { byDateToo: true });
  }
}

/**
 * `byDateToo`: whether If-Modified-Since may answer 304. A personal feed records the ETag it last
 * served and moves Last-Modified when the body changes; a public feed keeps no such record, so
 * an entry that drops out changes its body without moving Last-Modified, and only the ETag can
 * tell (RFC 9110 lets a server ignore If-Modified-Since).
 *
 * gzip for clients that accept it. The gzip form is another representation of the same content:
 * it carries the same ETag marked weak (as nginx does), so a strong validator never names two
 * byte sequences, and If-None-Match (weak comparison) matches either form.
 */
async function send(
  request: Request,
  response: Response,
  feed: RenderedFeed,
  cacheControl: string,
  conditions: { byDateToo: boolean },
): Promise<void> {
  const { content } = feed;
  const gzip = request.acceptsEncodings('gzip', 'identity') === 'gzip';
  response.setHeader('Cache-Control', cacheControl);
  response.setHeader('Vary', 'Accept-Encoding');
  response.setHeader('ETag', gzip ? `W/${content.etag}` : content.etag);
  response.setHeader('Last-Modified', feed.lastModified.toUTCString());
  response.setHeader('X-Content-Type-Options', 'nosniff');
  const headers = conditions.byDateToo
    ? request.headers
    : { 'if-none-match': request.headers['if-none-match'] };
  if (isNotModified(headers, content.etag, feed.lastModified)) {
    response.status(304).end();
    return;
  }
  const body = gzip ? await content.gzip() : content.body;
  response.status(200);
  response.setHeader('Content-Type', 'text/calendar; charset=utf-8');
  if (gzip) response.setHeader('Content-Encoding', 'gzip');
  response.setHeader('Content-Length', String(body.length));
  response.setHeader('Content-Disposition', 'inline; filename="linli.ics"');
  // Node leaves the body out of HEAD answers itself.
  response.end(body);
}
