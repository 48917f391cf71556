import type { INodeParameters } from 'n8n-workflow';

import { onlyFansApiCredentials, useSimulator } from '../../harness';
import type { WebhookTriggerHarness } from '../../harness/runWebhook';
import { startWebhookTrigger } from '../../harness/runWebhook';
import { signOnlyFansApi } from '../../simulator';
import { accountIdOf } from '../../simulator/onlyFansApi';

/**
 * The trigger with OnlyFansAPI.com, through n8n-core's HookContext and WebhookContext with real HTTP:
 * publishing registers a webhook at the provider, signed deliveries start one run each, repeats and
 * anything unsigned start nothing, unpublishing removes the webhook.
 */
const message = (id: number, text = 'hey') => ({
	id,
	text,
	fromUser: { id: 100004 },
	createdAt: new Date().toISOString(),
});

describe('OFAuth Trigger with OnlyFansAPI.com: a webhook that registers itself', () => {
	const sim = useSimulator();
	const open: WebhookTriggerHarness[] = [];
	afterEach(async () => {
		await Promise.all(open.splice(0).map((trigger) => trigger.close()));
	});
	const start = async (parameters: INodeParameters = {}) => {
		const trigger = await startWebhookTrigger({
			parameters: { authentication: 'onlyFansApi', ...parameters },
			credentials: onlyFansApiCredentials(sim()),
		});
		open.push(trigger);
		return trigger;
	};
	const account = () => accountIdOf(sim().connectionId);

	test('publish registers the URL, events, account and a secret; a restart keeps it; unpublish removes it; none of it writes the static data', async () => {
		const trigger = await start({
			events: ['messages.received', 'subscriptions.new'],
			connection: { __rl: true, mode: 'id', value: account() },
		});
		expect(await trigger.runWebhookMethod('checkExists')).toBe(false);
		expect(await trigger.runWebhookMethod('create')).toBe(true);
		const [webhook] = sim().onlyFansApiWebhooks();
		expect(webhook).toMatchObject({
			url: trigger.url,
			events: ['messages.received', 'subscriptions.new'],
			account_scope: 'inclusive',
			account_ids: [account()],
		});
		expect(webhook.signing_secret).toMatch(/^[0-9a-f]{64}$/);
		expect(await trigger.runWebhookMethod('checkExists', 'init')).toBe(true);
		expect(
			sim()
				.onlyFansApiWebhooks()
				.map((kept) => kept.id),
		).toEqual([webhook.id]);
		expect(await trigger.runWebhookMethod('delete')).toBe(true);
		expect(sim().onlyFansApiWebhooks()).toEqual([]);
		// n8n would save a change after registering, over an event id a delivery recorded meanwhile
		expect(trigger.staticDataSavesByWebhookMethods()).toBe(0);
		expect(trigger.staticData()).toEqual({});
	});

	test('a signed delivery starts one run; a redelivery (same body, same key) and a replay with a new key start nothing', async () => {
		const trigger = await start();
		await trigger.runWebhookMethod('create');
		const first = await sim().deliverOnlyFansApiEvent({
			event: 'messages.received',
			accountId: account(),
			payload: message(1),
			idempotencyKey: 'evt_1',
		});
		const body = JSON.stringify({
			event: 'messages.received',
			account_id: account(),
			payload: message(2),
		});
		const second = await sim().deliverOnlyFansApiEvent({
			event: 'messages.received',
			accountId: account(),
			payload: null,
			rawBody: body,
			idempotencyKey: 'evt_2',
		});
		const redelivery = await sim().deliverOnlyFansApiEvent({
			event: 'messages.received',
			accountId: account(),
			payload: null,
			rawBody: body,
			idempotencyKey: 'evt_2',
		});
		const newKey = await sim().deliverOnlyFansApiEvent({
			event: 'messages.received',
			accountId: account(),
			payload: null,
			rawBody: body,
			idempotencyKey: 'evt_forged',
		});
		expect([first, second, redelivery, newKey].map(([answer]) => answer.status)).toEqual([
			200, 200, 200, 200,
		]);
		expect(JSON.parse(first[0].body)).toEqual({ received: true });
		expect([redelivery, newKey].map(([answer]) => JSON.parse(answer.body).started)).toEqual([
			false,
			false,
		]);
		expect(trigger.started.map((data) => (data[0][0].json.payload as { id: number }).id)).toEqual([
			1, 2,
		]);
	});

	test('a delivery is verified with the secret worked out again from the API key, wherever it arrives; a forged one gets 401', async () => {
		const trigger = await start();
		await trigger.runWebhookMethod('create');
		const [answer] = await sim().deliverOnlyFansApiEvent({
			event: 'messages.received',
			accountId: account(),
			payload: message(11, 'right after publishing'),
			idempotencyKey: 'evt_early',
		});
		expect([answer.status, JSON.parse(answer.body)]).toEqual([200, { received: true }]);
		const body = JSON.stringify({ event: 'messages.received', account_id: account(), payload: {} });
		const forged = await fetch(trigger.url, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				signature: signOnlyFansApi('a guessed secret', body),
			},
			body,
		});
		expect(forged.status).toBe(401);
		expect(
			trigger.started.map((data) => (data[0][0].json.payload as { text: string }).text),
		).toEqual(['right after publishing']);
	});

	test('on publish or restart, a disabled webhook, one with other events, or two with this URL are replaced by one', async () => {
		const trigger = await start({ events: ['messages.received'] });
		await trigger.runWebhookMethod('create');
		const webhooks = () => sim().onlyFansApiWebhooks();
		const [paused] = webhooks();
		paused.enabled = false; // OnlyFansAPI.com pauses an endpoint that kept failing
		expect(await trigger.runWebhookMethod('checkExists', 'init')).toBe(false);
		expect(webhooks()).toEqual([]);
		await trigger.runWebhookMethod('create', 'init');

		webhooks()[0].events = ['messages.sent'];
		expect(await trigger.runWebhookMethod('checkExists', 'init')).toBe(false);
		expect(webhooks()).toEqual([]);
		await trigger.runWebhookMethod('create', 'init');

		await trigger.runWebhookMethod('create', 'init'); // a second registration of the same URL
		expect(webhooks()).toHaveLength(2);
		expect(await trigger.runWebhookMethod('checkExists', 'init')).toBe(false);
		expect(webhooks()).toEqual([]);
		await trigger.runWebhookMethod('create', 'init');
		expect(webhooks()).toHaveLength(1);
		expect(webhooks()[0]).toMatchObject({ events: ['messages.received'], enabled: true });
		expect(webhooks()[0].id).not.toBe(paused.id);
		expect(await trigger.runWebhookMethod('checkExists', 'init')).toBe(true);
	});

	test('an unsigned, wrongly signed or tampered delivery gets 401 and starts nothing', async () => {
		const trigger = await start();
		await trigger.runWebhookMethod('create');
		const secret = sim().onlyFansApiWebhooks()[0].signing_secret!;
		const body = JSON.stringify({
			event: 'messages.received',
			account_id: account(),
			payload: message(3),
		});
		const post = (headers: Record<string, string>, raw = body) =>
			fetch(trigger.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...headers },
				body: raw,
			});
		const sign = (raw: string, key = secret) => signOnlyFansApi(key, raw);
		const answers = await Promise.all([
			post({}),
			post({ signature: sign(body, 'not-the-secret') }),
			post({ signature: sign(body) }, body.replace('hey', 'hex')),
		]);
		expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401]);
		expect(trigger.started).toHaveLength(0);
		expect((await post({ signature: sign(body) })).status).toBe(200);
		expect(trigger.started).toHaveLength(1);
	});

	test('events not chosen and other accounts are answered 200 and start nothing; Simplify outputs the payload', async () => {
		const trigger = await start({
			events: ['messages.received'],
			simplify: true,
			connection: { __rl: true, mode: 'id', value: account() },
		});
		await trigger.runWebhookMethod('create');
		const secret = sim().onlyFansApiWebhooks()[0].signing_secret!;
		const post = async (delivery: object) => {
			const raw = JSON.stringify(delivery);
			const signature = signOnlyFansApi(secret, raw);
			const answer = await fetch(trigger.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', signature },
				body: raw,
			});
			return (await answer.json()) as { started?: boolean; reason?: string };
		};
		expect(
			await post({ event: 'subscriptions.new', account_id: account(), payload: {} }),
		).toMatchObject({ started: false, reason: 'event subscriptions.new is not selected' });
		expect(
			await post({ event: 'messages.received', account_id: 'acct_other', payload: message(5) }),
		).toMatchObject({ started: false });
		await sim().deliverOnlyFansApiEvent({
			event: 'messages.received',
			accountId: account(),
			payload: message(4, 'simplified'),
		});
		expect(trigger.started.map((data) => data[0][0].json)).toEqual([
			expect.objectContaining({ id: 4, text: 'simplified' }),
		]);
	});

	test('Any Event registers every documented event', async () => {
		const trigger = await start();
		await trigger.runWebhookMethod('create');
		expect(sim().onlyFansApiWebhooks()[0].events).toEqual(
			expect.arrayContaining(['messages.received', 'subscriptions.new', 'messages.ppv.unlocked']),
		);
	});
});
