import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import type {
	IDataObject,
	IHookFunctions,
	INodePropertyOptions,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { encodePathSegment, ofauthApi } from '../../shared/transport';
import { headerValue } from '../../shared/transport/headers';
import { isRepeatDelivery } from './dedupe';
import { ANY_EVENT } from './events';
import { acknowledge, readRawBody, refuse, startRun } from './webhookRequest';

/**
 * The trigger with OnlyFansAPI.com (../shared/api/onlyfansapi.md §7): webhooks are managed by API,
 * so publishing registers one (with a signing secret generated here and kept in the node's static
 * data) and unpublishing removes it. A delivery is `{event, account_id, payload}` signed with
 * `Signature: hex HMAC-SHA256(raw body)`; there is no timestamp, so repeats are told by the signed body.
 */

/** The events OnlyFansAPI.com documents; Any Event also lets through what it adds later. */
export const ONLYFANSAPI_EVENT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Any Event', value: ANY_EVENT, description: 'Every event the webhook receives' },
	{ name: 'Account Connected', value: 'accounts.connected' },
	{ name: 'Account Reconnected', value: 'accounts.reconnected' },
	{ name: 'Media Upload Completed', value: 'media_uploads.completed' },
	{ name: 'Media Upload Failed', value: 'media_uploads.failed' },
	{ name: 'Message Received', value: 'messages.received', description: 'A fan sent a message' },
	{ name: 'Message Sent', value: 'messages.sent' },
	{
		name: 'PPV Unlocked',
		value: 'messages.ppv.unlocked',
		description: 'A fan bought a PPV message',
	},
	{ name: 'Subscription New', value: 'subscriptions.new', description: 'A new subscriber' },
	{ name: 'Subscription Renewed', value: 'subscriptions.renewed' },
];

/** The documented events, for "Any Event" (the API takes a list, not a wildcard). */
const ALL_EVENTS = ONLYFANSAPI_EVENT_OPTIONS.map((option) => String(option.value)).filter(
	(value) => value !== ANY_EVENT,
);

interface Registration extends IDataObject {
	webhookId?: string;
	signingSecret?: string;
}

function registration(context: IHookFunctions | IWebhookFunctions): Registration {
	return context.getWorkflowStaticData('node') as Registration;
}

function chosenEvents(context: IHookFunctions): string[] {
	const events = context.getNodeParameter('onlyFansApiEvents', [ANY_EVENT]) as string[];
	return events.includes(ANY_EVENT) ? ALL_EVENTS : [...events].sort();
}

function chosenAccount(context: IHookFunctions | IWebhookFunctions): string {
	return String(context.getNodeParameter('connection', '', { extractValue: true }) ?? '').trim();
}

const webhookPath = (id: string) => `/webhooks/${encodePathSegment(id)}`;

/** Published and still registered with this URL and these events? A stale registration is removed. */
export async function webhookExists(context: IHookFunctions): Promise<boolean> {
	const stored = registration(context);
	if (!stored.webhookId) return false;
	let webhook: IDataObject;
	try {
		webhook = await ofauthApi<IDataObject>(context, {
			method: 'GET',
			path: webhookPath(stored.webhookId),
			itemIndex: undefined,
		});
	} catch {
		return false; // gone (404) or unreadable: register again
	}
	const events = Array.isArray(webhook.events)
		? (webhook.events as string[]).map(String).sort()
		: [];
	const same =
		webhook.url === context.getNodeWebhookUrl('default') &&
		events.join() === chosenEvents(context).join();
	if (!same) await deleteWebhook(context);
	return same;
}

/** Registers the webhook: this node's URL, the chosen events and account, and a new signing secret. */
export async function createWebhook(context: IHookFunctions): Promise<boolean> {
	const signingSecret = randomBytes(32).toString('hex');
	const account = chosenAccount(context);
	const created = await ofauthApi<IDataObject>(context, {
		method: 'POST',
		path: '/webhooks',
		body: {
			endpoint_url: context.getNodeWebhookUrl('default') ?? '',
			events: chosenEvents(context),
			account_scope: account ? 'inclusive' : 'global',
			account_ids: account ? [account] : [],
			signing_secret: signingSecret,
		},
		itemIndex: undefined,
	});
	const stored = registration(context);
	stored.webhookId = String(created.id);
	stored.signingSecret = signingSecret;
	return true;
}

/** Removes the registered webhook (already gone counts as removed) and forgets its secret. */
export async function deleteWebhook(context: IHookFunctions): Promise<boolean> {
	const stored = registration(context);
	if (stored.webhookId) {
		try {
			await ofauthApi(context, {
				method: 'DELETE',
				path: webhookPath(stored.webhookId),
				itemIndex: undefined,
			});
		} catch {
			// removed by someone else already
		}
	}
	delete stored.webhookId;
	delete stored.signingSecret;
	return true;
}

/** `Signature` is the lowercase hex HMAC-SHA256 of the raw body; compared in constant time. */
export function signatureMatches(signature: string, rawBody: Buffer, secret: string): boolean {
	if (!/^[0-9a-f]{64}$/i.test(signature) || !secret) return false;
	const expected = createHmac('sha256', secret).update(rawBody).digest();
	return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}

/** One delivery: verified, parsed, filtered by event and account, and a repeat starts nothing. */
export async function receiveDelivery(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	const headers = context.getHeaderData() as Record<string, unknown>;
	const rawBody = await readRawBody(context);
	const secret = registration(context).signingSecret ?? '';
	if (!signatureMatches(headerValue(headers, 'signature'), rawBody, secret)) {
		const reason = secret
			? 'The Signature header does not match this webhook'
			: 'This trigger has no signing secret: publish the workflow again to register its webhook';
		context.logger.warn(
			`OFAuth Trigger "${context.getNode().name}" refused a delivery with 401: ${reason}`,
		);
		return refuse(context, 401, reason);
	}
	let delivery: IDataObject;
	try {
		delivery = JSON.parse(rawBody.toString('utf8')) as IDataObject;
	} catch {
		return refuse(context, 400, 'The body must be JSON: {event, account_id, payload}');
	}
	if (typeof delivery.event !== 'string') return refuse(context, 400, 'The body has no "event"');

	const selected = context.getNodeParameter('onlyFansApiEvents', [ANY_EVENT]) as string[];
	if (!selected.includes(ANY_EVENT) && !selected.includes(delivery.event)) {
		return acknowledge(`event ${delivery.event} is not selected`);
	}
	const account = chosenAccount(context);
	if (account && delivery.account_id && delivery.account_id !== account) {
		return acknowledge(`event of account ${String(delivery.account_id)}, not ${account}`);
	}

	// Only the signed body decides what is new; the unsigned idempotency header may only mark more as repeats.
	const ids = [`sha256:${createHash('sha256').update(rawBody).digest('hex')}`];
	const key = headerValue(headers, 'x-ofapi-idempotency-key');
	if (key) ids.push(`key:${key}`);
	if (isRepeatDelivery(context, ids)) return acknowledge('event already received (redelivery)');

	const simplify = context.getNodeParameter('simplify', false) === true;
	const payload =
		delivery.payload && typeof delivery.payload === 'object'
			? (delivery.payload as IDataObject)
			: {};
	return startRun(context, [simplify ? payload : delivery]);
}
