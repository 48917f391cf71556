/**
 * What the node says when an answer is not what it should be (issue 22): an unreadable answer is an
 * error and never an empty success, Return All never truncates silently, a proxy's error page reads
 * as text, timeouts and long rate-limit waits are named, and OnlyFansAPI.com's page-size limits,
 * picker pages, unavailable operations and field names.
 */
import type { INodeParameters } from 'n8n-workflow';

import { onlyFansApiCredentials, runNode, simulatorCredentials, useSimulator } from '../../harness';
import type { RunResult } from '../../harness';
import { runListSearch } from '../../harness/loadOptions';
import { apiRequests, locator, pairedItems } from '../messaging/helpers';

const MAINTENANCE_PAGE =
	'<!DOCTYPE html>\n<html><head><title>We will be right back</title></head><body><h1>Maintenance</h1></body></html>';
const PROXY_502 = `<!DOCTYPE html>\n<!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->\n<head>\n<title>api.ofauth.com | 502: Bad gateway</title>\n<meta charset="UTF-8" /></head><body>${'<div class="cf-error-details">x</div>'.repeat(30)}</body></html>`;

const listChats = (parameters: INodeParameters = {}): INodeParameters => ({
	resource: 'chat',
	operation: 'getMany',
	returnAll: false,
	limit: 5,
	...parameters,
});
const send = (fan: number, parameters: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'send',
	fan: locator(String(fan)),
	text: 'hello',
	...parameters,
});
const description = (result: RunResult) =>
	(result.error as { description?: string } | undefined)?.description ?? '';
const isGet = (request: { method: string }) => request.method === 'GET';
const isPost = (request: { method: string }) => request.method === 'POST';

describe('answers at the edges (OFAuth)', () => {
	const sim = useSimulator();
	const credentials = () => simulatorCredentials(sim());

	test('List Chats answered 200 with an HTML maintenance page: an error naming the operation, status, content type and the first characters; no items', async () => {
		sim().faults.failNext(1, 200, {
			body: MAINTENANCE_PAGE,
			headers: { 'content-type': 'text/html; charset=utf-8' },
			match: isGet,
		});
		const result = await runNode(listChats(), { credentials: credentials() });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe(
			'List chats: OFAuth answered HTTP 200 (text/html) with an HTML page ("We will be right back"): "<!DOCTYPE html> <html><head><title>We will be right back</title></head><body><h1…"',
		);
		expect(description(result)).toMatch(/output nothing rather than an empty or partial result/);
	});

	test('List Chats answered 200 with JSON whose list is not a list: an error, not 0 items', async () => {
		sim().faults.failNext(1, 200, { body: { list: { id: 1 }, hasMore: false }, match: isGet });
		const result = await runNode(listChats(), { credentials: credentials() });
		expect(result.error?.message).toBe(
			'List chats: OFAuth answered HTTP 200 (application/json) with something that is not a list: "{"list":{"id":1},"hasMore":false}"',
		);
	});

	test('Return All: an unreadable second page fails the run instead of returning the first page', async () => {
		const first = await runNode(listChats({ returnAll: true }), { credentials: credentials() });
		const pages = apiRequests(sim(), 'GET').length;
		expect(pages).toBeGreaterThan(1);
		sim().reset();
		sim().faults.failNext(1, 200, {
			body: '',
			match: (request) => isGet(request) && request.query?.offset === '20',
		});
		const result = await runNode(listChats({ returnAll: true }), { credentials: credentials() });
		expect(first.output().length).toBeGreaterThan(20);
		expect(result.error?.message).toMatch(
			/^List chats: OFAuth answered HTTP 200 \(text\/plain\) with something that is not JSON: ""$/,
		);
	});

	test('Return All: the API says there is more but its cursor repeats: an error that says so, not a silent first page', async () => {
		const firstPage = await runNode(listChats({ limit: 20 }), { credentials: credentials() });
		const chats = firstPage.output().map((item) => item.json);
		sim().reset();
		sim().faults.failNext(1, 200, {
			body: { list: chats, hasMore: true, nextOffset: 20 },
			match: (request) => isGet(request) && request.query?.offset === '20',
		});
		const result = await runNode(listChats({ returnAll: true }), { credentials: credentials() });
		expect(result.error?.message).toBe(
			'List chats: OFAuth said there are more results, but its next page ({"offset":20}) repeats one already read',
		);
		expect(description(result)).toMatch(/^The node stopped after 20 items rather than return part/);
	});

	test("a proxy's 502 HTML page: status, host and title, without markup", async () => {
		sim().faults.failNext(1, 502, {
			body: PROXY_502,
			headers: { 'content-type': 'text/html' },
			match: isGet,
		});
		const result = await runNode(listChats({ requestSettings: { maxRetries: 0 } }), {
			credentials: credentials(),
		});
		expect(result.error?.message).toBe(
			`HTTP 502 Bad Gateway from 127.0.0.1:${new URL(sim().baseUrl).port} (an HTML page from a proxy, not the API): "api.ofauth.com | 502: Bad gateway"`,
		);
		expect(result.error?.message).not.toContain('<');
		expect(description(result)).not.toMatch(/request ID/i);
	});

	test('a send with no answer within Request Settings > Timeout: "no answer within N s", not retried', async () => {
		sim().faults.setLatency(3_000);
		const result = await runNode(send(100091, { requestSettings: { timeoutSeconds: 1 } }), {
			credentials: credentials(),
		});
		sim().faults.setLatency(0);
		expect(result.error?.message).toBe('No answer from OFAuth within 1 s');
		expect(description(result)).toBe(
			'The request may have reached OFAuth, so it was not retried to avoid a duplicate send. Check in OnlyFans whether it went out before running it again. Request Settings > Timeout (Seconds) sets how long the node waits for an answer.',
		);
		expect(apiRequests(sim(), 'POST')).toHaveLength(1);
	});

	test('a 429 asking to wait an hour: the item stops at once, and later items of the account stop without a request', async () => {
		sim().faults.failNext(1, 429, { headers: { 'Retry-After': '3600' }, match: isPost });
		const started = Date.now();
		const result = await runNode(send(100092), {
			credentials: credentials(),
			continueOnFail: true,
			items: [{ json: {} }, { json: {} }, { json: {} }],
		});
		const took = Date.now() - started;
		const until = new Date(started + 3_600_000).toISOString().slice(11, 16);
		const errors = result.output().map((item) => item.json.error);
		expect(errors).toHaveLength(3);
		for (const error of errors)
			expect(error).toMatch(
				new RegExp(
					`^OFAuth asked to wait (1 h|59 min) \\(until \\d\\d:\\d\\d UTC\\); nothing was sent for this item$`,
				),
			);
		expect(String(errors[0])).toContain(`until ${until} UTC`);
		expect(pairedItems(result.output())).toEqual([0, 1, 2]);
		expect(apiRequests(sim(), 'POST')).toHaveLength(1);
		expect(sim().messagesSentTo(100092)).toBe(0);
		expect(took).toBeLessThan(30_000); // not 5 retries a minute apart per item
	});
});

describe('OnlyFansAPI.com gaps', () => {
	const sim = useSimulator();
	const credentials = () => onlyFansApiCredentials(sim());
	const calls = () => sim().requests.filter((request) => request.path.startsWith('/api/'));

	test('Get Vault Media with Limit 3 asks for the API minimum (10) and returns exactly 3', async () => {
		const result = await runNode(
			{ authentication: 'onlyFansApi', resource: 'vault', operation: 'getManyMedia', limit: 3 },
			{ credentials: credentials() },
		);
		expect(result.error).toBeUndefined();
		expect(result.output()).toHaveLength(3);
		expect(calls().map((request) => request.query.limit)).toEqual(['10']);
	});

	test('the Fan picker loads its second page (the next-page URL the API gave), never offset=NaN', async () => {
		const spec = {
			parameters: { authentication: 'onlyFansApi', resource: 'message', operation: 'send' },
			credentials: credentials(),
		};
		const first = await runListSearch('searchFans', spec);
		expect(first.results.length).toBeGreaterThan(0);
		expect(first.paginationToken).toBeDefined();
		const second = await runListSearch('searchFans', {
			...spec,
			paginationToken: first.paginationToken,
		});
		expect(second.results.length).toBeGreaterThan(0);
		expect(second.results[0].value).not.toBe(first.results[0].value);
		expect(
			calls()
				.map((request) => request.path)
				.join(' '),
		).not.toContain('NaN');
	});

	test('an operation OnlyFansAPI.com does not offer, with Continue On Fail: one error item per input, nothing sent', async () => {
		const result = await runNode(
			{
				authentication: 'onlyFansApi',
				resource: 'fan',
				operation: 'giveDiscount',
				fan: { __rl: true, mode: 'id', value: '100001' },
				discountPercent: 10,
				discountMonths: 1,
			},
			{
				credentials: credentials(),
				continueOnFail: true,
				items: [{ json: { a: 1 } }, { json: { a: 2 } }],
			},
		);
		expect(result.error).toBeUndefined();
		const output = result.output();
		expect(output.map((item) => item.json.error)).toEqual([
			'Give a fan a discount is not available with OnlyFansAPI.com',
			'Give a fan a discount is not available with OnlyFansAPI.com',
		]);
		expect(pairedItems(output)).toEqual([0, 1]);
		expect(calls()).toHaveLength(0);
	});
});
