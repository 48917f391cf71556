import { runNode, simulatorCredentials, useSimulator } from '../../harness';
import { runLoadOptions } from '../../harness/loadOptions';
import { VIP_LIST_ID } from '../../simulator';
import { apiRequests, pairedItems } from './helpers';

describe('Mass Message > statistics, chart, buyers and the user-list picker', () => {
	const sim = useSimulator();
	const run = async (parameters: Record<string, unknown>) =>
		await runNode({ resource: 'massMessage', ...parameters } as never, {
			credentials: simulatorCredentials(sim()),
		});
	const queries = () => apiRequests(sim(), 'GET').map((request) => request.query);

	/** Seeded sent mass messages, newest first (what the API lists). */
	const sentIds = () =>
		sim()
			.state.massMessages.filter((entry) => entry.isDone && !entry.isCanceled)
			.sort((a, b) => Date.parse(b.date) - Date.parse(a.date) || b.id - a.id)
			.map((entry) => entry.id);

	test('Get Sent Statistics, Return All: follows every page (20 a page) of {hasMore, items}', async () => {
		const result = await run({ operation: 'getSentStats', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(
			apiRequests(sim()).every(
				(request) => request.path === '/v2/access/analytics/mass-messages/sent',
			),
		).toBe(true);
		expect(queries()).toEqual([
			{ limit: '20', offset: '0' },
			{ limit: '20', offset: '20' },
		]);
		const output = result.output();
		expect(sentIds()).toHaveLength(25);
		expect(output.map((item) => item.json.id)).toEqual(sentIds());
		expect(output[0].json).toEqual(
			expect.objectContaining({
				sentCount: expect.any(Number),
				viewedCount: expect.any(Number),
				purchasedCount: expect.any(Number),
			}),
		);
		expect(pairedItems(output)).toEqual(output.map(() => 0));
	});

	test('Get Sent Statistics, Limit 7: one request for 7', async () => {
		const result = await run({ operation: 'getSentStats', returnAll: false, limit: 7 });
		expect(queries()).toEqual([{ limit: '7', offset: '0' }]);
		expect(result.output().map((item) => item.json.id)).toEqual(sentIds().slice(0, 7));
	});

	test('Get Sent Statistics, Limit 23: a full page and then only the 3 still wanted', async () => {
		const result = await run({ operation: 'getSentStats', returnAll: false, limit: 23 });
		expect(queries()).toEqual([
			{ limit: '20', offset: '0' },
			{ limit: '3', offset: '20' },
		]);
		expect(result.output().map((item) => item.json.id)).toEqual(sentIds().slice(0, 23));
	});

	test('Get Sent Statistics with a date range: ISO UTC, a date-only end means the end of that day', async () => {
		const result = await run({
			operation: 'getSentStats',
			returnAll: true,
			startDate: '2025-05-01T00:00:00',
			endDate: '2025-05-15',
		});
		expect(result.error).toBeUndefined();
		expect(queries()).toEqual([
			{
				startDate: '2025-05-01T04:00:00.000Z',
				endDate: '2025-05-16T03:59:59.999Z',
				limit: '20',
				offset: '0',
			},
		]);
		const from = Date.parse('2025-05-01T04:00:00.000Z');
		const to = Date.parse('2025-05-16T03:59:59.999Z');
		const expected = sim()
			.state.massMessages.filter(
				(entry) => Date.parse(entry.date) >= from && Date.parse(entry.date) <= to,
			)
			.map((entry) => entry.id)
			.sort((a, b) => b - a);
		expect(expected.length).toBeGreaterThan(0);
		expect(
			result
				.output()
				.map((item) => item.json.id as number)
				.sort((a, b) => b - a),
		).toEqual(expected);
	});

	test('Get Chart: the date range as query, the chart as one item', async () => {
		const result = await run({
			operation: 'getChart',
			startDate: '2025-05-01T00:00:00Z',
			endDate: '2025-05-31T23:59:59Z',
		});
		expect(result.error).toBeUndefined();
		const requests = apiRequests(sim());
		expect(requests.map((request) => request.path)).toEqual([
			'/v2/access/analytics/mass-messages/chart',
		]);
		expect(requests[0].query).toEqual({
			startDate: '2025-05-01T00:00:00.000Z',
			endDate: '2025-05-31T23:59:59.000Z',
		});
		const output = result.output();
		expect(output).toHaveLength(1);
		expect(output[0].json).toEqual({ chart: expect.any(Array), total: expect.any(Number) });
		expect((output[0].json.chart as unknown[]).length).toBe(31);
		expect(pairedItems(output)).toEqual([0]);
	});

	test('Get Chart without dates: no date query, OFAuth picks the window', async () => {
		const result = await run({ operation: 'getChart' });
		expect(result.error).toBeUndefined();
		expect(queries()).toEqual([{}]);
		expect(result.output()).toHaveLength(1);
	});

	describe('Get Buyers (marker pagination)', () => {
		const mostBought = () =>
			[...sim().state.massMessages].sort((a, b) => b.buyers.length - a.buyers.length)[0];

		test('Return All: follows nextMarker across several pages of 20', async () => {
			const massMessage = mostBought();
			expect(massMessage.buyers.length).toBeGreaterThan(20);
			const result = await run({
				operation: 'getBuyers',
				massMessageId: String(massMessage.id),
				returnAll: true,
			});
			expect(result.error).toBeUndefined();
			const requests = apiRequests(sim());
			expect(new Set(requests.map((request) => request.path))).toEqual(
				new Set([`/v2/access/analytics/mass-messages/${massMessage.id}/buyers`]),
			);
			const pages = Math.ceil(massMessage.buyers.length / 20);
			expect(queries()).toEqual(
				Array.from({ length: pages }, (_, page) =>
					page === 0 ? { limit: '20' } : { limit: '20', marker: String(page * 20) },
				),
			);
			expect(result.output().map((item) => item.json.id)).toEqual(
				massMessage.buyers.map((buyer) => buyer.userId),
			);
		});

		test('Limit 5: one request, no marker', async () => {
			const massMessage = mostBought();
			const result = await run({
				operation: 'getBuyers',
				massMessageId: String(massMessage.id),
				returnAll: false,
				limit: 5,
			});
			expect(queries()).toEqual([{ limit: '5' }]);
			expect(result.output().map((item) => item.json.id)).toEqual(
				massMessage.buyers.slice(0, 5).map((buyer) => buyer.userId),
			);
			expect(pairedItems(result.output())).toEqual([0, 0, 0, 0, 0]);
		});

		test('Limit 25: a page of 20, then 5 from the marker', async () => {
			const massMessage = mostBought();
			const result = await run({
				operation: 'getBuyers',
				massMessageId: String(massMessage.id),
				returnAll: false,
				limit: 25,
			});
			expect(queries()).toEqual([{ limit: '20' }, { limit: '5', marker: '20' }]);
			expect(result.output()).toHaveLength(25);
		});

		test('a free mass message has no buyers: no items', async () => {
			const free = sim().state.massMessages.find((entry) => entry.buyers.length === 0)!;
			const result = await run({
				operation: 'getBuyers',
				massMessageId: String(free.id),
				returnAll: true,
			});
			expect(result.error).toBeUndefined();
			expect(result.output()).toEqual([]);
			expect(queries()).toEqual([{ limit: '20' }]);
		});
	});

	test('User list picker (getUserLists): built-in lists by type name, own lists by number, with member counts', async () => {
		const options = await runLoadOptions('getUserLists', {
			parameters: { resource: 'massMessage', operation: 'create' },
			credentials: simulatorCredentials(sim()),
		});
		expect(queries()).toEqual([{ limit: '100', offset: '0' }]);
		expect(options).toHaveLength(sim().state.userLists.length);
		expect(options.find((option) => option.value === 'fans')).toEqual({
			name: 'Fans (built-in)',
			value: 'fans',
			description: `${sim().state.userLists.find((list) => list.id === 'fans')!.userIds.length} fans, list type "fans"`,
		});
		expect(options.find((option) => option.value === VIP_LIST_ID)).toEqual({
			name: 'VIP',
			value: VIP_LIST_ID,
			description: '25 fans, list ID 1001',
		});
		expect(options.map((option) => option.value)).toEqual(
			sim().state.userLists.map((list) => list.id),
		);
	});
});
