import type { INodeParameters } from 'n8n-workflow';

import type { RunResult } from '../../harness';
import { runNode, simulatorCredentials, useSimulator } from '../../harness';
import { ALL_SCOPES, FIRST_VAULT_MEDIA_ID } from '../../simulator';
import { apiRequests, locator, mediaEntries, pairedItems } from './helpers';

/** A distinctive key: it must never show up in an error, a hint or an output item. */
const keyProbe = ['sk', 'test', 'messaging', 'probe', '7f3a9c'].join('_');
const FAN = 100090;
const isPost = (request: { method: string }) => request.method === 'POST';

const send = (parameters: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'send',
	fan: locator(String(FAN)),
	text: 'hello',
	...parameters,
});

const description = (result: RunResult) =>
	(result.error as { description?: string } | undefined)?.description ?? '';
const httpCode = (result: RunResult) =>
	(result.error as { httpCode?: string } | undefined)?.httpCode;

describe('API failures surface as NodeApiErrors with a hint; sends are never duplicated', () => {
	const sim = useSimulator({ apiKey: keyProbe });
	const credentials = () => simulatorCredentials(sim());

	test('SESSION_EXPIRED (the Connection field names an expired connection): re-link hint, nothing sent', async () => {
		const result = await runNode(send({ connection: locator(sim().expiredConnectionId, 'id') }), {
			credentials: credentials(),
		});
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('The OnlyFans session of this connection has expired');
		expect(description(result)).toMatch(/^Re-link the OnlyFans account in the OFAuth dashboard/);
		expect(description(result)).toMatch(/Request ID \(for OFAuth support\): req_[0-9a-f]+/);
		expect(httpCode(result)).toBe('401');
		expect(apiRequests(sim()).map((request) => request.headers['x-connection-id'])).toEqual([
			sim().expiredConnectionId,
		]);
		expect(sim().messagesSentTo(FAN)).toBe(0);
	});

	test('SESSION_EXPIRED with Continue On Fail: an error item with message, hint and HTTP code, paired to its input', async () => {
		const result = await runNode(
			{
				resource: 'chat',
				operation: 'getMany',
				limit: 5,
				connection: locator(sim().expiredConnectionId, 'id'),
			},
			{ credentials: credentials(), continueOnFail: true, items: [{ json: {} }, { json: {} }] },
		);
		expect(result.error).toBeUndefined();
		const output = result.output();
		expect(
			output.map((item) => [
				item.json.error,
				(item.json.details as { httpCode?: string }).httpCode,
			]),
		).toEqual([
			['The OnlyFans session of this connection has expired', '401'],
			['The OnlyFans session of this connection has expired', '401'],
		]);
		expect(String((output[0].json.details as { description?: string }).description)).toMatch(
			/^Re-link the OnlyFans account/,
		);
		expect(pairedItems(output)).toEqual([0, 1]);
	});

	test('429 then success (Retry-After: 0): the message goes out exactly once', async () => {
		sim().faults.failNext(1, 429, { headers: { 'Retry-After': '0' }, match: isPost });
		const result = await runNode(send(), { credentials: credentials() });
		expect(result.error).toBeUndefined();
		expect(apiRequests(sim(), 'POST').map((request) => [request.status, request.accepted])).toEqual(
			[
				[429, false],
				[200, true],
			],
		);
		expect(sim().messagesSentTo(FAN)).toBe(1);
		expect(result.output()[0].json).toMatchObject({ text: 'hello' });
	});

	test('429 until the retries run out (Max Retries 2): rate-limit message and hint, three attempts, nothing sent', async () => {
		sim().faults.failNext(10, 429, { headers: { 'Retry-After': '0' }, match: isPost });
		const result = await runNode(send({ requestSettings: { maxRetries: 2 } }), {
			credentials: credentials(),
		});
		expect(result.error?.message).toBe('OFAuth rate limit reached and the retries ran out');
		expect(description(result)).toMatch(/Request Settings > Max Retries/);
		expect(httpCode(result)).toBe('429');
		expect(apiRequests(sim(), 'POST')).toHaveLength(3);
		expect(sim().messagesSentTo(FAN)).toBe(0);
	});

	test('a connection dropped after OFAuth took the POST is not retried: exactly one send, and the error says so', async () => {
		sim().faults.dropNext(1, 'after', isPost);
		const result = await runNode(send({ requestSettings: { maxWaitSeconds: 0 } }), {
			credentials: credentials(),
		});
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('The connection to OFAuth broke');
		expect(description(result)).toMatch(/not retried to avoid a duplicate send/);
		expect(apiRequests(sim(), 'POST')).toHaveLength(1);
		expect(sim().messagesSentTo(FAN)).toBe(1);
	});

	test('a 500 answer to a send is not retried either (OFAuth may have sent it)', async () => {
		sim().faults.failNext(1, 500, { headers: { 'Retry-After': '0' }, match: isPost });
		const result = await runNode(send(), { credentials: credentials() });
		expect(result.error?.message).toMatch(/^OFAuth or OnlyFans failed to answer \(HTTP 500\)/);
		expect(apiRequests(sim(), 'POST')).toHaveLength(1);
	});

	test('reads are retried after a 502 or a dropped connection, then succeed', async () => {
		sim().faults.failNext(1, 502, { headers: { 'Retry-After': '0' } });
		sim().faults.dropNext(
			1,
			'before',
			(request) => request.method === 'GET' && request.path.endsWith('/messages'),
		);
		const result = await runNode(
			{
				resource: 'message',
				operation: 'getMany',
				fan: locator('100001'),
				limit: 3,
				requestSettings: { maxWaitSeconds: 0 },
			},
			{ credentials: credentials() },
		);
		expect(result.error).toBeUndefined();
		expect(result.output()).toHaveLength(3);
		expect(apiRequests(sim(), 'GET').map((request) => request.fault ?? request.status)).toEqual([
			'dropBefore',
			'failNext',
			200,
		]);
	});

	test("OFAuth refusing the body (unknown vault media): the node's field and the API's reason, the API's field in details", async () => {
		const result = await runNode(send({ media: mediaEntries(String(FIRST_VAULT_MEDIA_ID - 1)) }), {
			credentials: credentials(),
		});
		expect(result.error?.message).toBe(
			`OFAuth refused "Media (entry 1)": Unknown vault media id ${FIRST_VAULT_MEDIA_ID - 1}`,
		);
		expect(description(result)).toMatch(
			/^Fix "Media \(entry 1\)" \(Unknown vault media id \d+\) and run the node again\./,
		);
		expect((result.error as { context?: { field?: string } }).context?.field).toBe(
			'Media (entry 1)',
		);
		expect(
			(result.error as { errorResponse?: { details?: string } }).errorResponse?.details,
		).toMatch(/^mediaItems\.0: Unknown vault media id/);
		expect(httpCode(result)).toBe('400');
	});

	test('an unknown fan is "Not found" with a hint to check the IDs', async () => {
		const result = await runNode(send({ fan: locator('999999') }), { credentials: credentials() });
		expect(result.error?.message).toBe('Not found: User 999999 not found');
		expect(httpCode(result)).toBe('404');
	});

	test('the API key appears in no error message, hint, error item or run data', async () => {
		const runs: RunResult[] = [];
		runs.push(
			await runNode(send({ connection: locator(sim().expiredConnectionId, 'id') }), {
				credentials: credentials(),
			}),
		);
		sim().faults.failNext(5, 429, { headers: { 'Retry-After': '0' }, match: isPost });
		runs.push(
			await runNode(send({ requestSettings: { maxRetries: 1 } }), {
				credentials: credentials(),
				continueOnFail: true,
			}),
		);
		sim().faults.clear();
		sim().faults.dropNext(1, 'after', isPost);
		runs.push(await runNode(send(), { credentials: credentials() }));
		runs.push(
			await runNode(send({ fan: locator('999999') }), {
				credentials: credentials(),
				continueOnFail: true,
			}),
		);
		runs.push(await runNode(send({ text: '' }), { credentials: credentials() }));
		runs.push(
			await runNode(send(), {
				credentials: simulatorCredentials(sim(), { apiKey: `${keyProbe}_wrong` }),
			}),
		);
		expect(runs.map((run) => run.error?.message ?? run.output()[0].json.error)).toEqual([
			'The OnlyFans session of this connection has expired',
			'OFAuth rate limit reached and the retries ran out',
			'The connection to OFAuth broke',
			'Not found: User 999999 not found',
			expect.stringMatching(/^Invalid "Text" on item 0/),
			'OFAuth rejected the API key',
		]);
		for (const run of runs) {
			expect(run.error?.message ?? '').not.toContain(keyProbe);
			expect(description(run)).not.toContain(keyProbe);
			expect(JSON.stringify(run.output())).not.toContain(keyProbe);
			expect(JSON.stringify(run.run.data)).not.toContain(keyProbe);
		}
		// the key did reach the API, so the probe is meaningful
		expect(
			apiRequests(sim()).every((request) => String(request.headers.apikey).startsWith(keyProbe)),
		).toBe(true);
	});
});

describe('a connection without the messages:write permission (403)', () => {
	const sim = useSimulator({
		permissions: ALL_SCOPES.filter((scope) => scope !== 'messages:write'),
	});

	test('Send fails with the missing permission named and a hint; reading messages still works', async () => {
		const denied = await runNode(send(), { credentials: simulatorCredentials(sim()) });
		expect(denied.error?.name).toBe('NodeApiError');
		expect(denied.error?.message).toBe(
			'The API key or connection lacks the permission "messages:write"',
		);
		expect(description(denied)).toMatch(
			/^Grant the "messages:write" permission to the API key and connection/,
		);
		expect(httpCode(denied)).toBe('403');
		expect(sim().messagesSentTo(FAN)).toBe(0);

		const unsend = await runNode(
			{ resource: 'message', operation: 'unsend', fan: locator(String(FAN)), messageId: '1' },
			{ credentials: simulatorCredentials(sim()) },
		);
		expect(unsend.error?.message).toBe(
			'The API key or connection lacks the permission "messages:write"',
		);

		const read = await runNode(
			{ resource: 'message', operation: 'getMany', fan: locator('100001'), limit: 2 },
			{ credentials: simulatorCredentials(sim()) },
		);
		expect(read.error).toBeUndefined();
		expect(read.output()).toHaveLength(2);
	});
});

/**
 * A simulator of its own: the node learns an account's budget from its first answer, so the bucket
 * must be there from that first answer on (its pacing state is kept per base URL and account).
 */
describe('pacing by the X-RateLimit-* headers', () => {
	const sim = useSimulator();
	const credentials = () => simulatorCredentials(sim());

	test('the per-connection token bucket: paced by its X-RateLimit-* headers from the first answer on, every fan gets exactly one message and no 429', async () => {
		sim().faults.rateLimit({ capacity: 1, refillPerSecond: 20, headers: ['x-ratelimit'] });
		const fans = [100091, 100092];
		const result = await runNode(send({ fan: locator('={{ $json.fan }}') }), {
			credentials: credentials(),
			items: fans.map((fan) => ({ json: { fan } })),
		});
		expect(result.error).toBeUndefined();
		expect(apiRequests(sim(), 'POST').map((request) => request.status)).toEqual([200, 200]);
		expect(fans.map((fan) => sim().messagesSentTo(fan))).toEqual([1, 1]);
		expect(pairedItems(result.output())).toEqual([0, 1]);
	});
});
