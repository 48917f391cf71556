import { createHash } from 'node:crypto';
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import type { SignatureScheme, WebhookHeaders } from './signature';
import { headerValue } from '../../shared/transport/headers';

/** How many recent event ids the trigger remembers (OFAuth retries a delivery up to 5 times). */
export const REMEMBERED_EVENT_IDS = 1000;

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

/**
 * Records `id` in the node's static data. Returns false when it was already there
 * (a redelivery). Oldest ids are forgotten first once the memory is full.
 */
export function rememberEventId(
	staticData: IDataObject,
	id: string,
	capacity = REMEMBERED_EVENT_IDS,
): boolean {
	const recent = Array.isArray(staticData.recentEventIds)
		? (staticData.recentEventIds as string[])
		: [];
	if (recent.includes(id)) return false;
	recent.push(id);
	staticData.recentEventIds =
		recent.length > capacity ? recent.slice(recent.length - capacity) : recent;
	return true;
}

/** Workflows whose recent event ids the process keeps at most (oldest dropped first). */
const REMEMBERED_WORKFLOWS = 500;

/**
 * A second memory of recent event ids, in this n8n process: it answers a redelivery that
 * arrives before n8n has finished saving the first delivery's static data, and wherever an n8n
 * version does not save it. The static data, saved by n8n after each delivery (see startRun),
 * is the record every process of the instance shares and that survives a restart.
 */
export class RecentEventIds {
	private readonly byTrigger = new Map<string, string[]>();

	constructor(
		private readonly capacity = REMEMBERED_EVENT_IDS,
		private readonly triggers = REMEMBERED_WORKFLOWS,
	) {}

	/** Records `id` for `trigger`; false when it was already there. */
	remember(trigger: string, id: string): boolean {
		const recent = this.byTrigger.get(trigger) ?? [];
		this.byTrigger.delete(trigger); // re-inserted last: the least recently used trigger goes first
		this.byTrigger.set(trigger, recent);
		if (this.byTrigger.size > this.triggers) {
			const oldest = this.byTrigger.keys().next().value;
			if (oldest !== undefined) this.byTrigger.delete(oldest);
		}
		if (recent.includes(id)) return false;
		recent.push(id);
		if (recent.length > this.capacity) recent.splice(0, recent.length - this.capacity);
		return true;
	}
}

export const recentEventIdsInProcess = new RecentEventIds();

/**
 * Whether a delivery is a repeat: records each of its ids in the node's static data and in this
 * process's memory (both, no short-circuit), and answers true when either already knew any of them.
 */
export function isRepeatDelivery(context: IWebhookFunctions, ids: string[]): boolean {
	const node = context.getNode();
	const trigger = `${context.getWorkflow().id ?? ''}:${node.id ?? node.name}`;
	const staticData = context.getWorkflowStaticData('node');
	let repeat = false;
	for (const id of ids) {
		const newInStaticData = rememberEventId(staticData, id);
		const newInProcess = recentEventIdsInProcess.remember(trigger, id);
		if (!newInStaticData || !newInProcess) repeat = true;
	}
	return repeat;
}
