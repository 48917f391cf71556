import { randomBytes } from 'node:crypto';
import type { INodeParameters } from 'n8n-workflow';

import { simulatorCredentials, useSimulator } from '../../harness';
import type { WebhookTriggerHarness } from '../../harness/runWebhook';
import { startWebhookTrigger } from '../../harness/runWebhook';
import {
	ACTIVE_CONNECTION_ID,
	SECOND_CONNECTION_ID,
	signOfAuthSignature,
	signSvix,
} from '../../simulator';
import { RecentEventIds, rememberEventId } from '../../../nodes/shared/trigger/dedupe';
import { OfAuthTrigger } from '../../../nodes/OfAuthTrigger/OfAuthTrigger.node';

const SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const now = () => Math.floor(Date.now() / 1000);

function chatMessageEvent(connectionId = ACTIVE_CONNECTION_ID, text = 'hey you') {
	return {
		type: 'realtime.chat_message.received',
		timestamp: new Date().toISOString(),
		data: {
			connection: { id: connectionId, clientReferenceId: 'client_ref_1' },
			environment: 'live',
			eventBody: {
				id: 1002003004005,
				text,
				isTip: false,
				price: 0,
				fromUser: { id: 100004, name: 'Fan Four' },
				media: [],
			},
		},
	};
}

function connectionEvent(type: string, connectionId = ACTIVE_CONNECTION_ID) {
	return {
		type,
		timestamp: new Date().toISOString(),
		data: { clientReferenceId: 'user_456', connection: { id: connectionId, status: 'expired' } },
	};
}

const rulesUpdated = () => ({
	type: 'rules.updated',
	timestamp: new Date().toISOString(),
	data: { version: 42 },
});

async function post(url: string, body: string | Buffer, headers: Record<string, string>) {
	const res = await fetch(url, { method: 'POST', headers, body });
	return { status: res.status, body: await res.text() };
}

function ofauthHeaders(raw: string, secret = SECRET, timestamp = now()): Record<string, string> {
	return { 'OFAuth-Signature': signOfAuthSignature(secret, timestamp, raw) };
}

describe('OFAuth Trigger through n8n-core WebhookContext with real HTTP requests', () => {
	const sim = useSimulator();
	const open: WebhookTriggerHarness[] = [];
	afterEach(async () => {
		await Promise.all(open.splice(0).map((trigger) => trigger.close()));
	});
	const start = async (parameters: INodeParameters = {}, secret: string = SECRET) => {
		const trigger = await startWebhookTrigger({
			parameters,
			credentials: simulatorCredentials(sim(), { webhookSigningSecret: secret }),
		});
		open.push(trigger);
		return trigger;
	};

	describe('signatures', () => {
		test.each(['ofauth', 'svix'] as const)(
			'a valid %s signature starts one execution with the whole envelope',
			async (scheme) => {
				const trigger = await start();
				const event = chatMessageEvent();
				const delivery = await sim().deliverWebhook(trigger.url, event, { scheme, secret: SECRET });
				expect(delivery.status).toBe(200);
				expect(trigger.started).toHaveLength(1);
				expect(trigger.started[0]).toEqual([[{ json: event }]]);
			},
		);

		test.each(['ofauth', 'svix'] as const)(
			'%s: a wrong secret, a tampered body or a stale or future timestamp is a 401 that starts nothing',
			async (scheme) => {
				const trigger = await start();
				const event = chatMessageEvent();
				const wrongSecret = `whsec_${randomBytes(24).toString('base64')}`;
				const attempts = [
					await sim().deliverWebhook(trigger.url, event, { scheme, secret: wrongSecret }),
					await sim().deliverWebhook(trigger.url, event, { scheme, secret: SECRET, tamper: true }),
					await sim().deliverWebhook(trigger.url, event, {
						scheme,
						secret: SECRET,
						timestamp: now() - 301,
					}),
					await sim().deliverWebhook(trigger.url, event, {
						scheme,
						secret: SECRET,
						timestamp: now() + 301,
					}),
				];
				expect(attempts.map((attempt) => attempt.status)).toEqual([401, 401, 401, 401]);
				expect(JSON.parse(attempts[0].body)).toEqual({
					error: 'The signature does not match the signing secret',
				});
				expect(JSON.parse(attempts[2].body)).toEqual({
					error: 'The signature timestamp is outside the 5-minute window',
				});
				expect(trigger.started).toHaveLength(0);
				// nothing refused was remembered as delivered: the genuine event still starts a run
				expect(
					(
						await sim().deliverWebhook(trigger.url, event, {
							scheme,
							secret: SECRET,
							timestamp: now() - 290,
						})
					).status,
				).toBe(200);
				expect(trigger.started).toHaveLength(1);
			},
		);

		test('a delivery without any signature header, or with half of the Svix headers, is a 401', async () => {
			const trigger = await start();
			const raw = JSON.stringify(chatMessageEvent());
			const bare = await post(trigger.url, raw, { 'content-type': 'application/json' });
			expect(bare.status).toBe(401);
			expect(JSON.parse(bare.body).error).toMatch(/no OFAuth-Signature or svix-signature header/);
			const timestamp = now();
			const partial = await post(trigger.url, raw, {
				'content-type': 'application/json',
				'svix-id': 'msg_1',
				'svix-signature': signSvix(SECRET, 'msg_1', timestamp, raw),
			});
			expect(partial.status).toBe(401);
			const noV1 = await post(trigger.url, raw, {
				'content-type': 'application/json',
				'OFAuth-Signature': `t=${timestamp}`,
			});
			expect(noV1.status).toBe(401);
			expect(trigger.started).toHaveLength(0);
		});

		test('rotated secrets: any matching v1 entry of either header is accepted', async () => {
			const trigger = await start();
			const raw = JSON.stringify(chatMessageEvent());
			const timestamp = now();
			const old = `whsec_${randomBytes(24).toString('base64')}`;
			const svix = await post(trigger.url, raw, {
				'content-type': 'application/json',
				'svix-id': 'msg_rotated',
				'svix-timestamp': String(timestamp),
				'svix-signature': `${signSvix(old, 'msg_rotated', timestamp, raw)} ${signSvix(SECRET, 'msg_rotated', timestamp, raw)}`,
			});
			const oldOfAuth = signOfAuthSignature(old, timestamp, raw).split(',')[1];
			const ofauth = await post(trigger.url, raw, {
				'content-type': 'application/json',
				'OFAuth-Signature': `${signOfAuthSignature(SECRET, timestamp, raw)},${oldOfAuth}`,
				'OFAuth-Event-Id': 'evt_rotated',
			});
			expect([svix.status, ofauth.status]).toEqual([200, 200]);
			expect(trigger.started).toHaveLength(2);
		});

		test('the HMAC covers the exact bytes: re-ordered keys with the same meaning do not verify', async () => {
			const trigger = await start();
			const signed = '{"type":"rules.updated","data":{"a":1,"b":2}}';
			const sent = '{"data":{"b":2,"a":1},"type":"rules.updated"}';
			const res = await post(trigger.url, sent, {
				'content-type': 'application/json',
				...ofauthHeaders(signed),
			});
			expect(res.status).toBe(401);
			expect(trigger.started).toHaveLength(0);
		});

		test('turning verification off accepts unsigned events', async () => {
			const trigger = await start({ verifySignature: false }, '');
			const res = await post(trigger.url, JSON.stringify(rulesUpdated()), {
				'content-type': 'application/json',
			});
			expect(res.status).toBe(200);
			expect(trigger.started).toHaveLength(1);
		});

		test('verification on without a signing secret: publishing works and logs why, deliveries get a 401 with the reason', async () => {
			const trigger = await start({}, '');
			expect(await trigger.runWebhookMethod('checkExists')).toBe(true);
			const delivery = await sim().deliverWebhook(trigger.url, chatMessageEvent(), {
				scheme: 'ofauth',
				secret: 'anything',
			});
			expect(delivery.status).toBe(401);
			expect(JSON.parse(delivery.body)).toEqual({
				error: 'Signature verification is on but no signing secret is configured',
			});
			expect(trigger.started).toHaveLength(0);
		});

		test('the node panel tells that verification needs the signing secret, and warns when verification is off', () => {
			const properties = new OfAuthTrigger().description.properties;
			const secretNotice = properties.find((property) => property.name === 'signingSecretNotice');
			expect(secretNotice).toMatchObject({
				type: 'notice',
				displayOptions: { show: { verifySignature: [true] } },
			});
			expect(secretNotice?.displayName).toMatch(
				/needs the Webhook Signing Secret.*refused with 401/,
			);
		});

		test('with a secret, the webhook methods register nothing (the URL is pasted into the OFAuth dashboard)', async () => {
			const trigger = await start();
			expect(await trigger.runWebhookMethod('checkExists')).toBe(true);
			expect(await trigger.runWebhookMethod('create')).toBe(true);
			expect(await trigger.runWebhookMethod('delete')).toBe(true);
			expect(sim().requests).toHaveLength(0);
		});
	});

	describe('body', () => {
		test('a signed body that is not JSON, or JSON that is not an event, is a 400 that starts nothing', async () => {
			const trigger = await start();
			const bodies: Array<[string, string]> = [
				['text/plain', 'hello there'],
				['application/json', '[{"type":"rules.updated"}]'],
				['application/json', '{"data":{}}'],
				['application/json', '"rules.updated"'],
			];
			for (const [contentType, raw] of bodies) {
				const res = await post(trigger.url, raw, {
					'content-type': contentType,
					...ofauthHeaders(raw),
				});
				expect([raw, res.status]).toEqual([raw, 400]);
				expect(JSON.parse(res.body).error).toMatch(/JSON object with a "type"/);
			}
			expect(trigger.started).toHaveLength(0);
		});

		test('an unsigned non-JSON body is refused for its missing signature first (401)', async () => {
			const trigger = await start();
			expect((await post(trigger.url, 'hello', { 'content-type': 'text/plain' })).status).toBe(401);
		});
	});

	describe('redeliveries', () => {
		test('svix: the same svix-id delivered again (freshly signed) is a 200 that starts nothing', async () => {
			const trigger = await start();
			const event = chatMessageEvent();
			const first = await sim().deliverWebhook(trigger.url, event, {
				scheme: 'svix',
				secret: SECRET,
				id: 'msg_same',
			});
			const again = await sim().deliverWebhook(trigger.url, event, {
				scheme: 'svix',
				secret: SECRET,
				id: 'msg_same',
				timestamp: now() - 5,
			});
			const other = await sim().deliverWebhook(trigger.url, event, {
				scheme: 'svix',
				secret: SECRET,
				id: 'msg_other',
			});
			expect([first.status, again.status, other.status]).toEqual([200, 200, 200]);
			expect(JSON.parse(first.body)).toEqual({ received: true });
			expect(JSON.parse(again.body)).toEqual({
				received: true,
				started: false,
				reason: 'event already received (redelivery)',
			});
			expect(trigger.started).toHaveLength(2);
			expect(trigger.staticData().recentEventIds).toEqual(['svix:msg_same', 'svix:msg_other']);
		});

		test('ofauth: the same event (its own id in the body) delivered again, freshly signed, is a 200 that starts nothing', async () => {
			const trigger = await start();
			const event = { id: 'evt_1', ...chatMessageEvent() };
			const first = await sim().deliverWebhook(trigger.url, event, {
				scheme: 'ofauth',
				secret: SECRET,
			});
			const again = await sim().deliverWebhook(trigger.url, event, {
				scheme: 'ofauth',
				secret: SECRET,
				timestamp: now() - 5,
			});
			const other = await sim().deliverWebhook(
				trigger.url,
				{ ...event, id: 'evt_2' },
				{ scheme: 'ofauth', secret: SECRET },
			);
			expect([first.status, again.status, other.status]).toEqual([200, 200, 200]);
			expect(JSON.parse(first.body)).toEqual({ received: true });
			expect(JSON.parse(again.body)).toMatchObject({ started: false });
			expect(trigger.started).toHaveLength(2);
			expect(trigger.staticData().recentEventIds).toEqual(['event:evt_1', 'event:evt_2']);
		});

		test('attack, ofauth: a captured delivery re-sent with made-up id headers starts nothing (the signature covers only t and the body)', async () => {
			const trigger = await start();
			const raw = JSON.stringify(chatMessageEvent());
			const signed = { 'content-type': 'application/json', ...ofauthHeaders(raw) };
			const first = await post(trigger.url, raw, { ...signed, 'OFAuth-Event-Id': 'evt_original' });
			const forgedHeaders: Array<Record<string, string>> = [
				{ 'OFAuth-Event-Id': 'evt_forged_1' },
				{ 'webhook-id': 'evt_forged_2' },
				{ 'OFAuth-Event-Id': 'evt_forged_3', 'webhook-id': 'evt_forged_4' },
				{},
			];
			const forged = await Promise.all(
				forgedHeaders.map((extra) => post(trigger.url, raw, { ...signed, ...extra })),
			);
			expect(first.status).toBe(200);
			expect(
				forged.map((response) => [response.status, JSON.parse(response.body).started]),
			).toEqual([
				[200, false],
				[200, false],
				[200, false],
				[200, false],
			]);
			expect(trigger.started).toHaveLength(1);
		});

		test('attack, svix: a captured delivery re-sent with another svix-id fails the signature; made-up id headers change nothing', async () => {
			const trigger = await start();
			const raw = JSON.stringify(chatMessageEvent());
			const timestamp = now();
			const signed = {
				'content-type': 'application/json',
				'svix-id': 'msg_captured',
				'svix-timestamp': String(timestamp),
				'svix-signature': signSvix(SECRET, 'msg_captured', timestamp, raw),
			};
			const first = await post(trigger.url, raw, signed);
			const otherSvixId = await post(trigger.url, raw, { ...signed, 'svix-id': 'msg_forged' });
			const extraHeaders = await post(trigger.url, raw, {
				...signed,
				'webhook-id': 'msg_forged_2',
				'OFAuth-Event-Id': 'evt_forged',
			});
			expect([first.status, otherSvixId.status, extraHeaders.status]).toEqual([200, 401, 200]);
			expect(JSON.parse(extraHeaders.body)).toMatchObject({ started: false });
			expect(trigger.started).toHaveLength(1);
		});

		test('without an id header, a byte-identical redelivery is recognised by its digest', async () => {
			const trigger = await start();
			const raw = JSON.stringify(rulesUpdated());
			const first = await post(trigger.url, raw, {
				'content-type': 'application/json',
				...ofauthHeaders(raw),
			});
			const again = await post(trigger.url, raw, {
				'content-type': 'application/json',
				...ofauthHeaders(raw, SECRET, now() - 30),
			});
			expect([first.status, again.status]).toEqual([200, 200]);
			expect(trigger.started).toHaveLength(1);
			expect(trigger.staticData().recentEventIds).toEqual([
				expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
			]);
		});

		test('a delivery that starts a run is answered by the node itself, so n8n saves its event id for every other process', async () => {
			const trigger = await start();
			const event = chatMessageEvent();
			const first = await sim().deliverWebhook(trigger.url, event, {
				scheme: 'svix',
				secret: SECRET,
				id: 'msg_kept',
			});
			expect(first.status).toBe(200);
			expect(JSON.parse(first.body)).toEqual({ received: true });
			expect(trigger.started).toHaveLength(1);
			// what n8n stored: the id is in the database, where another webhook processor or a restarted one reads it
			expect(trigger.staticData().recentEventIds).toEqual(['svix:msg_kept']);
		});

		test('the in-process memory is bounded per trigger and in the number of triggers', () => {
			const memory = new RecentEventIds(2, 2);
			expect(['a', 'b', 'c'].map((id) => memory.remember('wf1:n', id))).toEqual([true, true, true]);
			expect(memory.remember('wf1:n', 'a')).toBe(true); // forgotten: only 2 kept
			expect(memory.remember('wf1:n', 'c')).toBe(false);
			expect(memory.remember('wf2:n', 'c')).toBe(true); // per trigger
			memory.remember('wf3:n', 'x'); // a third trigger pushes out the least recently used (wf1)
			expect(memory.remember('wf1:n', 'c')).toBe(true);
		});

		test('the memory of event ids is bounded: the oldest are forgotten first', () => {
			const staticData = {};
			for (const id of ['a', 'b', 'c', 'd']) expect(rememberEventId(staticData, id, 3)).toBe(true);
			expect(staticData).toEqual({ recentEventIds: ['b', 'c', 'd'] });
			expect(rememberEventId(staticData, 'c', 3)).toBe(false);
			expect(rememberEventId(staticData, 'a', 3)).toBe(true);
		});
	});

	describe('filters and output', () => {
		test('an event that is not selected is answered 200 and starts nothing', async () => {
			const trigger = await start({ events: ['connection.expired', 'connection.disconnected'] });
			const ignored = await sim().deliverWebhook(trigger.url, chatMessageEvent(), {
				scheme: 'svix',
				secret: SECRET,
			});
			expect(ignored.status).toBe(200);
			expect(JSON.parse(ignored.body)).toEqual({
				received: true,
				started: false,
				reason: 'event type realtime.chat_message.received is not selected',
			});
			const wanted = await sim().deliverWebhook(
				trigger.url,
				connectionEvent('connection.expired'),
				{ scheme: 'svix', secret: SECRET },
			);
			expect(wanted.status).toBe(200);
			expect(trigger.started.map((data) => data[0][0].json.type)).toEqual(['connection.expired']);
		});

		test('Only for Connection: events of other accounts are ignored, account-less events pass', async () => {
			const trigger = await start({
				connection: { __rl: true, mode: 'id', value: SECOND_CONNECTION_ID },
			});
			const other = await sim().deliverWebhook(
				trigger.url,
				chatMessageEvent(ACTIVE_CONNECTION_ID),
				{ scheme: 'ofauth', secret: SECRET },
			);
			expect(other.status).toBe(200);
			expect(JSON.parse(other.body).reason).toBe(
				`event of connection ${ACTIVE_CONNECTION_ID}, not ${SECOND_CONNECTION_ID}`,
			);
			await sim().deliverWebhook(
				trigger.url,
				chatMessageEvent(SECOND_CONNECTION_ID, 'for the second account'),
				{ scheme: 'ofauth', secret: SECRET },
			);
			await sim().deliverWebhook(trigger.url, rulesUpdated(), { scheme: 'ofauth', secret: SECRET });
			expect(trigger.started.map((data) => data[0][0].json.type)).toEqual([
				'realtime.chat_message.received',
				'rules.updated',
			]);
		});

		test('Simplify outputs only the event body (eventBody of Realtime events, data of account events)', async () => {
			const trigger = await start({ simplify: true });
			const message = chatMessageEvent();
			const expired = connectionEvent('connection.expired');
			await sim().deliverWebhook(trigger.url, message, { scheme: 'svix', secret: SECRET });
			await sim().deliverWebhook(trigger.url, expired, { scheme: 'svix', secret: SECRET });
			expect(trigger.started.map((data) => data[0][0].json)).toEqual([
				message.data.eventBody,
				expired.data,
			]);
		});
	});
});
