import type { INodeParameters } from 'n8n-workflow';

import { onlyFansApiCredentials, runNode, simulatorCredentials, useSimulator } from '../../harness';
import type { OfAuthSimulator } from '../../simulator';
import { locator, pairedItems } from './helpers';

/**
 * Sends overlap (Request Settings > Concurrent Sends per Account) while each fan's messages keep
 * their order, the output keeps the input order, and a send is still never duplicated. The
 * simulator answers 80 ms late so that overlapping is visible in what it received.
 */
const LATENCY_MS = 80;
const providers = [
	['ofAuthApi', simulatorCredentials],
	['onlyFansApi', onlyFansApiCredentials],
] as const;

/** rows: fan IDs (several rows may name the same fan), in input order */
const rowsOf = (fans: number[]) =>
	fans.map((fan, index) => ({ json: { fan, text: `row ${index}` } }));

const posts = (sim: OfAuthSimulator) => sim.requests.filter((request) => request.method === 'POST');
/** Texts a fan received, in the order the simulator took them. */
const receivedBy = (sim: OfAuthSimulator, fan: number) =>
	sim.state.chats
		.find((chat) => chat.withUserId === fan)!
		.messages.filter((message) => message.text.startsWith('row '))
		.map((message) => message.text);

describe.each(providers)('concurrent sends with %s', (authentication, credentialsOf) => {
	const sim = useSimulator({ fans: 50 });
	const run = async (fans: number[], extra: INodeParameters = {}, continueOnFail = false) =>
		await runNode(
			{
				authentication,
				resource: 'message',
				operation: 'send',
				fan: locator('={{ $json.fan }}'),
				text: '={{ $json.text }}',
				...extra,
			},
			{ credentials: credentialsOf(sim()), items: rowsOf(fans), continueOnFail },
		);

	test("sends to different fans overlap; each fan's messages arrive in input order; output in input order", async () => {
		sim().faults.setLatency(LATENCY_MS);
		const fans = Array.from({ length: 24 }, (_, index) => 100001 + (index % 6));
		const result = await run(fans);
		expect(result.error).toBeUndefined();
		for (const fan of new Set(fans)) {
			const expected = fans.flatMap((entry, index) => (entry === fan ? [`row ${index}`] : []));
			expect(receivedBy(sim(), fan)).toEqual(expected);
		}
		const sent = posts(sim());
		expect(sent).toHaveLength(fans.length);
		const overlapping = sent.filter(
			(post, index) => index > 0 && post.receivedAt - sent[index - 1].receivedAt < LATENCY_MS / 2,
		);
		expect(overlapping.length).toBeGreaterThan(fans.length / 2);
		expect(pairedItems(result.output())).toEqual(fans.map((_, index) => index));
	});

	test('Concurrent Sends per Account 1: one send at a time, as before', async () => {
		sim().faults.setLatency(LATENCY_MS);
		const fans = [100001, 100002, 100003, 100004];
		const result = await run(fans, { requestSettings: { concurrentSends: 1 } });
		expect(result.error).toBeUndefined();
		const sent = posts(sim());
		for (let index = 1; index < sent.length; index++)
			expect(sent[index].receivedAt - sent[index - 1].receivedAt).toBeGreaterThanOrEqual(
				LATENCY_MS - 5,
			);
	});

	test('a failed send under Continue On Fail becomes an error item in its place; the others are sent once', async () => {
		const fans = [100001, 100002, 999999, 100003, 100004];
		const result = await run(fans, {}, true);
		expect(result.error).toBeUndefined();
		const output = result.output();
		expect(pairedItems(output)).toEqual([0, 1, 2, 3, 4]);
		expect(output[2].json.error).toEqual(expect.any(String));
		expect(output.filter((item) => item.json.error)).toHaveLength(1);
		for (const fan of [100001, 100002, 100003, 100004]) expect(sim().messagesSentTo(fan)).toBe(1);
	});

	test('without Continue On Fail a failed send stops the run: nothing new starts, and the error says what was already sent', async () => {
		sim().faults.setLatency(LATENCY_MS);
		const good = Array.from({ length: 30 }, (_, index) => 100001 + index);
		const fans = [...good.slice(0, 4), 999999, ...good.slice(4)];
		const result = await run(fans);
		expect(result.error?.message).toMatch(/not found|404/i);
		const sent = fans.filter((fan) => fan !== 999999 && sim().messagesSentTo(fan) === 1);
		// the sends already on their way when the failure came back finished; the rest never started
		expect(sent.length).toBeGreaterThan(4);
		expect(sent.length).toBeLessThan(good.length);
		expect((result.error as { description?: string }).description).toMatch(
			new RegExp(
				`${sent.length} of 31 items were sent before it stopped: 0-3, 5-\\d+\\. No other item was sent\\.$`,
			),
		);
		for (const fan of good) expect(sim().messagesSentTo(fan)).toBeLessThanOrEqual(1);
	});

	test('429s under concurrency: each refused send is retried and goes out once (OnlyFansAPI.com: with its own Idempotency-Key)', async () => {
		sim().faults.rateLimit({ capacity: 3, refillPerSecond: 50, headers: [] });
		const fans = Array.from({ length: 12 }, (_, index) => 100001 + index);
		const result = await run(fans, { requestSettings: { maxRetries: 10, maxWaitSeconds: 5 } });
		expect(result.error).toBeUndefined();
		for (const fan of fans) expect(sim().messagesSentTo(fan)).toBe(1);
		if (authentication === 'onlyFansApi') {
			const keysByFan = new Map<string, Set<string>>();
			for (const post of posts(sim())) {
				const fan = post.path.split('/')[4];
				const keys = keysByFan.get(fan) ?? new Set<string>();
				keys.add(String(post.headers['idempotency-key']));
				keysByFan.set(fan, keys);
			}
			// one key per message, reused by its retries; no two messages share one
			expect([...keysByFan.values()].every((keys) => keys.size === 1)).toBe(true);
			const all = [...keysByFan.values()].map((keys) => [...keys][0]);
			expect(new Set(all).size).toBe(fans.length);
		}
	});

	test('a stopped execution stops sending within a second; every message that went out went out once', async () => {
		sim().faults.setLatency(LATENCY_MS);
		const fans = Array.from({ length: 40 }, (_, index) => 100001 + index);
		let cancelledAt = 0;
		const result = await runNode(
			{
				authentication,
				resource: 'message',
				operation: 'send',
				fan: locator('={{ $json.fan }}'),
				text: '={{ $json.text }}',
			},
			{
				credentials: credentialsOf(sim()),
				items: rowsOf(fans),
				cancelWhen: () => {
					if (!cancelledAt && posts(sim()).length >= 12) cancelledAt = Date.now();
					return cancelledAt > 0;
				},
			},
		);
		expect(cancelledAt).toBeGreaterThan(0);
		const sent = posts(sim());
		expect(sent.length).toBeLessThan(fans.length);
		expect(Math.max(...sent.map((post) => post.receivedAt)) - cancelledAt).toBeLessThan(1000);
		for (const fan of fans) expect(sim().messagesSentTo(fan)).toBeLessThanOrEqual(1);
		expect(result.run.status).toBe('canceled');
		expect(result.error?.message).toBe('The execution was cancelled');
		// the items whose answer came back are named as sent; the ones cut off while waiting for
		// their answer as maybe sent; together they are exactly what the API received
		const description = String((result.error as { description?: string }).description);
		const match =
			/(\d+) of 40 items were sent before it stopped: 0-(\d+)\.(?: Items (\d+)(?:-(\d+))? were on their way when it stopped and may have been sent: check in OnlyFans before sending them again\.)? No other item was sent\.$/.exec(
				description,
			);
		expect(match).not.toBeNull();
		const [, confirmed, lastConfirmed, firstMaybe, lastMaybe] = match!.map(Number);
		expect(lastConfirmed).toBe(confirmed - 1);
		const named = new Set(
			Array.from(
				{ length: firstMaybe ? (lastMaybe || firstMaybe) + 1 : confirmed },
				(_, index) => index,
			),
		);
		// every message the API received is named, sent or maybe sent; every one named sent arrived
		const received = sent.map((post) => Number(post.path.split('/').at(-2)) - 100001);
		for (const item of received) expect(named.has(item)).toBe(true);
		for (let item = 0; item < confirmed; item++) expect(received).toContain(item);
	});
});

/**
 * An account this n8n process has not heard from yet (a simulator of its own): its first send goes
 * alone, so an answer that asks for a long pause stops the rows waiting behind it without a request.
 */
describe('the first send to a new account', () => {
	const sim = useSimulator({ fans: 50 });

	test('a 429 asking to wait an hour on the first send stops every row at once, with one request, also when the rows go to different fans', async () => {
		sim().faults.failNext(1, 429, {
			headers: { 'Retry-After': '3600' },
			match: (request) => request.method === 'POST',
		});
		const fans = [100021, 100022, 100023, 100024];
		const result = await runNode(
			{
				resource: 'message',
				operation: 'send',
				fan: locator('={{ $json.fan }}'),
				text: '={{ $json.text }}',
			},
			{ credentials: simulatorCredentials(sim()), items: rowsOf(fans), continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		const errors = result.output().map((item) => String(item.json.error));
		expect(errors).toHaveLength(fans.length);
		for (const error of errors) expect(error).toMatch(/asked to wait (1 h|59 min)/);
		expect(posts(sim())).toHaveLength(1);
		expect(pairedItems(result.output())).toEqual([0, 1, 2, 3]);
	});
});
