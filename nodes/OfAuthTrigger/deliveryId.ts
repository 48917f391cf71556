import { createHash } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import { headerValue } from '../shared/transport/headers';
import type { SignatureScheme, WebhookHeaders } from './signature';

/**
 * The id that decides whether a delivery was seen before, taken only from what the signature
 * covers, so that a captured delivery re-sent with a made-up id header is still a repeat:
 * - Svix: `svix-id`, part of the signed content `{id}.{timestamp}.{body}`;
 * - otherwise (OFAuth-Signature signs only `{t}.{body}`, or no verification): the body's own
 *   event id, else a digest of the body bytes (a redelivery repeats them). Unsigned headers such
 *   as `ofauth-event-id` or `webhook-id` are never read.
 */
export function eventIdOf(
	verifiedScheme: SignatureScheme | undefined,
	headers: WebhookHeaders,
	event: IDataObject,
	rawBody: Buffer,
): string {
	if (verifiedScheme === 'svix') return `svix:${headerValue(headers, 'svix-id')}`;
	if (typeof event.id === 'string' || typeof event.id === 'number') return `event:${event.id}`;
	return `sha256:${createHash('sha256').update(rawBody).digest('hex')}`;
}
