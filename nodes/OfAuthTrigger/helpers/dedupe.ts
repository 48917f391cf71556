import { createHash } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import type { WebhookHeaders } from './signature';
import { headerValue } from './signature';

/** How many recent event ids the trigger remembers (OFAuth retries a delivery up to 5 times). */
export const REMEMBERED_EVENT_IDS = 1000;

/**
 * The id OFAuth redelivers an event under: the Svix message id, an OFAuth event id header,
 * the envelope's own id, else a digest of the exact bytes (a redelivery repeats them).
 */
export function eventIdOf(headers: WebhookHeaders, event: IDataObject, rawBody: Buffer): string {
	const fromHeaders =
		headerValue(headers, 'svix-id') || headerValue(headers, 'ofauth-event-id') || headerValue(headers, 'webhook-id');
	if (fromHeaders) return fromHeaders;
	if (typeof event.id === 'string' || typeof event.id === 'number') return `event:${event.id}`;
	return `sha256:${createHash('sha256').update(rawBody).digest('hex')}`;
}

/**
 * Records `id` in the node's static data. Returns false when it was already there
 * (a redelivery). Oldest ids are forgotten first once the memory is full.
 */
export function rememberEventId(staticData: IDataObject, id: string, capacity = REMEMBERED_EVENT_IDS): boolean {
	const recent = Array.isArray(staticData.recentEventIds) ? (staticData.recentEventIds as string[]) : [];
	if (recent.includes(id)) return false;
	recent.push(id);
	staticData.recentEventIds = recent.length > capacity ? recent.slice(recent.length - capacity) : recent;
	return true;
}
