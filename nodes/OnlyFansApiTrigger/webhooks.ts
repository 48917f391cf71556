import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

import type {
	IDataObject,
	IHookFunctions,
	INodePropertyOptions,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { encodePathSegment, apiData } from '../shared/transport';
import { ONLYFANSAPI } from '../OnlyFansApi/onlyFansApiService';
import { headerValue } from '../shared/transport/headers';
import { isRepeatDelivery } from '../shared/trigger/dedupe';
import { ANY_EVENT } from '../shared/trigger/events';
import { acknowledge, readRawBody, refuse, startRun } from '../shared/trigger/webhookRequest';

/**
 * The trigger with OnlyFansAPI.com (../shared/api/onlyfansapi.md §7): webhooks are managed by API,
 * so publishing registers one and unpublishing removes it. A delivery is `{event, account_id, payload}`
 * signed with `Signature: hex HMAC-SHA256(raw body)`; there is no timestamp, so repeats are told by
 * the signed body.
 *
 * Publishing writes nothing to the node's static data. n8n saves the static data of a publish after
 * every webhook is registered, over whatever a delivery saved meanwhile (in queue mode a webhook
 * processor may already have taken an event and recorded its id), so a write here could lose that
 * record and let a redelivery start a second run. Instead the signing secret is worked out from the
 * API key wherever it is needed, and this trigger's webhooks are found at the provider by their URL.
 */

/** The events OnlyFansAPI.com documents; Any Event also lets through what it adds later. */
export const ONLYFANSAPI_EVENT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Any Event', value: ANY_EVENT, description: 'Every event the webhook receives' },
	{ name: 'Account Connected', value: 'accounts.connected' },
	{ name: 'Account Reconnected', value: 'accounts.reconnected' },
	{
		name: 'Account Session Expired',
		value: 'accounts.session_expired',
		description: 'The OnlyFans session expired and could not be renewed: reconnect the account',
	},
	{ name: 'Media Upload Completed', value: 'media_uploads.completed' },
	{ name: 'Media Upload Failed', value: 'media_uploads.failed' },
	{ name: 'Message Received', value: 'messages.received', description: 'A fan sent a message' },
	{
		name: 'Message Deleted',
		value: 'messages.deleted',
		description: 'A chat message was deleted',
	},
	{ name: 'Message Sent', value: 'messages.sent' },
	{
		name: 'PPV Unlocked',
		value: 'messages.ppv.unlocked',
		description: 'A fan bought a PPV message',
	},
	{
		name: 'Subscription Expired',
		value: 'subscriptions.expired',
		description: "A fan's subscription ended",
	},
	{ name: 'Subscription New', value: 'subscriptions.new', description: 'A new subscriber' },
	{ name: 'Subscription Renewed', value: 'subscriptions.renewed' },
	{ name: 'Tip Received', value: 'tips.received', description: 'A fan sent a tip' },
];

/** The documented events, for "Any Event" (the API takes a list, not a wildcard). */
const ALL_EVENTS = ONLYFANSAPI_EVENT_OPTIONS.map((option) => String(option.value)).filter(
	(value) => value !== ANY_EVENT,
);

function chosenEvents(context: IHookFunctions): string[] {
	const events = context.getNodeParameter('events', [ANY_EVENT]) as string[];
	return events.includes(ANY_EVENT) ? ALL_EVENTS : [...events].sort();
}

function chosenAccount(context: IHookFunctions | IWebhookFunctions): string {
	return String(context.getNodeParameter('connection', '', { extractValue: true }) ?? '').trim();
}

const webhookPath = (id: string) => `/webhooks/${encodePathSegment(id)}`;

/**
 * The secret this trigger's webhook is signed with: an HMAC of the workflow and the node's webhook
 * under the API key, so the same secret comes out wherever the credential is (every n8n process)
 * and only who holds the API key can work it out. Empty when the credential cannot be read.
 */
async function webhookSigningSecret(context: IHookFunctions | IWebhookFunctions): Promise<string> {
	let apiKey = '';
	try {
		apiKey = String((await context.getCredentials(ONLYFANSAPI.credential)).apiKey ?? '');
	} catch {
		return '';
	}
	if (!apiKey) return '';
	const node = context.getNode();
	const identity = [
		'OnlyFansAPI.com Trigger webhook',
		context.getWorkflow().id,
		node.webhookId ?? node.id,
	];
	return createHmac('sha256', apiKey).update(identity.join('\n')).digest('hex');
}

/** This trigger's webhooks at the provider: those with the node's own URL (it holds the node's webhook id). */
async function webhooksWithThisUrl(context: IHookFunctions): Promise<IDataObject[]> {
	const url = context.getNodeWebhookUrl('default');
	if (!url) return [];
	const all = await apiData<unknown>(context, {
		method: 'GET',
		path: '/webhooks',
		itemIndex: undefined,
	});
	return (Array.isArray(all) ? (all as IDataObject[]) : []).filter(
		(webhook) => webhook.url === url,
	);
}

async function removeWebhooks(context: IHookFunctions, webhooks: IDataObject[]): Promise<void> {
	for (const webhook of webhooks) {
		try {
			await apiData(context, {
				method: 'DELETE',
				path: webhookPath(String(webhook.id)),
				itemIndex: undefined,
			});
		} catch {
			// removed by someone else already
		}
	}
}

/**
 * Registered already, exactly once, with this URL, these events, a signing secret and deliveries on?
 * Otherwise every webhook with this URL is removed and n8n registers a new one. A list that cannot
 * be read fails the publish (with the API's error) rather than risk a second webhook for one URL.
 */
export async function webhookExists(context: IHookFunctions): Promise<boolean> {
	const ours = await webhooksWithThisUrl(context);
	const wanted = chosenEvents(context).join();
	const current = (webhook: IDataObject) =>
		Array.isArray(webhook.events) &&
		(webhook.events as unknown[]).map(String).sort().join() === wanted &&
		webhook.has_signing_secret !== false &&
		webhook.enabled !== false;
	if (ours.length === 1 && current(ours[0])) return true;
	await removeWebhooks(context, ours);
	return false;
}

/** Registers the webhook: this node's URL, the chosen events and account, and its signing secret. */
export async function createWebhook(context: IHookFunctions): Promise<boolean> {
	const signingSecret = await webhookSigningSecret(context);
	if (!signingSecret) {
		throw new NodeOperationError(
			context.getNode(),
			'The OnlyFansAPI.com credential has no API key: add the key from https://app.onlyfansapi.com/api-keys and publish again',
		);
	}
	const account = chosenAccount(context);
	await apiData(context, {
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
	return true;
}

/** Removes every webhook with this node's URL (already gone counts as removed). */
export async function deleteWebhook(context: IHookFunctions): Promise<boolean> {
	await removeWebhooks(context, await webhooksWithThisUrl(context));
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
	const secret = await webhookSigningSecret(context);
	if (!signatureMatches(headerValue(headers, 'signature'), rawBody, secret)) {
		const reason = secret
			? 'The Signature header does not match this webhook (if the API key was changed, unpublish and publish the workflow again)'
			: 'The OnlyFansAPI.com credential has no API key, so no delivery can be verified';
		context.logger.warn(
			`OnlyFansAPI.com Trigger "${context.getNode().name}" refused a delivery with 401: ${reason}`,
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

	const selected = context.getNodeParameter('events', [ANY_EVENT]) as string[];
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
