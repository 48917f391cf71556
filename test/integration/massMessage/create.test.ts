import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { getGlobalState, setGlobalState } from 'n8n-workflow';

import {
	runNode,
	runWorkflow,
	simulatorCredentials,
	uploadInSimulator,
	useSimulator,
} from '../../harness';
import { FIRST_VAULT_MEDIA_ID, VIP_LIST_ID, WHALES_LIST_ID } from '../../simulator';
import {
	API_DATE,
	apiRequests,
	create,
	listMembers,
	mediaEntries,
	pairedItems,
	subscribedAfter,
} from './helpers';

const PHOTO = FIRST_VAULT_MEDIA_ID;

describe('Mass Message > Create: the exact body OFAuth receives', () => {
	const sim = useSimulator();
	const run = async (parameters: INodeParameters, items?: INodeExecutionData[]) =>
		await runNode(create(parameters), { credentials: simulatorCredentials(sim()), items });
	const posted = () => apiRequests(sim(), 'POST').map((request) => request.body);

	test('fan IDs only (comma list): one POST to /v2/access/mass-messages, output is the queue item', async () => {
		const result = await run({ text: 'Hi you two', userIds: '100001, 100002' });
		expect(result.error).toBeUndefined();
		const posts = apiRequests(sim(), 'POST');
		expect(posts).toHaveLength(1);
		expect(posts[0].path).toBe('/v2/access/mass-messages');
		expect(posts[0].headers['x-connection-id']).toBe(sim().connectionId);
		expect(posts[0].body).toEqual({
			text: 'Hi you two',
			isMarkdown: true,
			userIds: [100001, 100002],
		});

		const stored = sim().state.massMessages.at(-1)!;
		const output = result.output();
		expect(output).toHaveLength(1);
		expect(output[0].json).toMatchObject({
			id: stored.id,
			date: stored.date,
			total: 2,
			pending: 0,
			isDone: true,
			isCanceled: false,
		});
		expect(pairedItems(output)).toEqual([0]);
	});

	test('fan IDs from an array expression (numbers and digit strings), duplicates sent once', async () => {
		const result = await run({ text: 'from a sheet', userIds: '={{ $json.fans }}' }, [
			{ json: { fans: [100003, '100004', 100003] } },
		]);
		expect(result.error).toBeUndefined();
		expect(posted()).toEqual([
			{ text: 'from a sheet', isMarkdown: true, userIds: [100003, 100004] },
		]);
	});

	test('user lists only: a custom list (number) and a built-in list (type name) keep their types', async () => {
		const result = await run({ text: 'For VIPs and fans', userLists: [VIP_LIST_ID, 'fans'] });
		expect(result.error).toBeUndefined();
		expect(posted()).toEqual([
			{ text: 'For VIPs and fans', isMarkdown: true, userLists: [VIP_LIST_ID, 'fans'] },
		]);
		const expected = new Set([...listMembers(sim(), VIP_LIST_ID), ...listMembers(sim(), 'fans')])
			.size;
		expect(result.output()[0].json.total).toBe(expected);
	});

	test('user lists from an expression: digit strings become numbers, built-in names are lower-cased', async () => {
		const result = await run({ text: 'lists', userLists: '={{ $json.lists }}' }, [
			{ json: { lists: ['1001', 'Following'] } },
		]);
		expect(result.error).toBeUndefined();
		expect(posted()).toEqual([
			{ text: 'lists', isMarkdown: true, userLists: [VIP_LIST_ID, 'following'] },
		]);
	});

	test('fan IDs and user lists together', async () => {
		const result = await run({ text: 'both', userIds: '100250', userLists: [WHALES_LIST_ID] });
		expect(result.error).toBeUndefined();
		expect(posted()).toEqual([
			{ text: 'both', isMarkdown: true, userIds: [100250], userLists: [WHALES_LIST_ID] },
		]);
		expect(result.output()[0].json.total).toBe(
			new Set([100250, ...listMembers(sim(), WHALES_LIST_ID)]).size,
		);
	});

	test('excluded lists: all fans except the whales', async () => {
		const result = await run({
			text: 'not for whales',
			userLists: ['fans'],
			audienceFilters: { excludeUserLists: [WHALES_LIST_ID] },
		});
		expect(result.error).toBeUndefined();
		expect(posted()).toEqual([
			{
				text: 'not for whales',
				isMarkdown: true,
				userLists: ['fans'],
				excludeUserLists: [WHALES_LIST_ID],
			},
		]);
		const whales = listMembers(sim(), WHALES_LIST_ID);
		expect(result.output()[0].json.total).toBe(
			listMembers(sim(), 'fans').filter((id) => !whales.includes(id)).length,
		);
	});

	test('subscribed after: a date without a zone is read in the workflow timezone (America/New_York here)', async () => {
		const result = await run({
			text: 'new fans',
			userLists: ['fans'],
			audienceFilters: { subscribedAfterDate: '2025-05-20T00:00:00' },
		});
		expect(result.error).toBeUndefined();
		expect(posted()).toEqual([
			{
				text: 'new fans',
				isMarkdown: true,
				userLists: ['fans'],
				subscribedAfterDate: '2025-05-20T04:00:00.000Z',
			},
		]);
		const expected = subscribedAfter(sim(), listMembers(sim(), 'fans'), '2025-05-20T04:00:00.000Z');
		expect(expected.length).toBeGreaterThan(0);
		expect(result.output()[0].json.total).toBe(expected.length);
	});

	test('every audience field at once', async () => {
		const result = await run({
			text: 'everything',
			userIds: '100001',
			userLists: [VIP_LIST_ID, 'rebill_on'],
			audienceFilters: {
				excludeUserLists: [WHALES_LIST_ID, 'muted'],
				subscribedAfterDate: '2025-01-01T00:00:00Z',
			},
		});
		expect(result.error).toBeUndefined();
		expect(posted()).toEqual([
			{
				text: 'everything',
				isMarkdown: true,
				userIds: [100001],
				userLists: [VIP_LIST_ID, 'rebill_on'],
				excludeUserLists: [WHALES_LIST_ID, 'muted'],
				subscribedAfterDate: '2025-01-01T00:00:00.000Z',
			},
		]);
	});

	test('Send: Now sends no scheduledDate; the queue item is done at once', async () => {
		const result = await run({
			text: 'now',
			userIds: '100001',
			sendAt: 'now',
			scheduledDate: '2031-01-15T09:30:00',
		});
		expect(result.error).toBeUndefined();
		expect(posted()).toEqual([{ text: 'now', isMarkdown: true, userIds: [100001] }]);
		expect(result.output()[0].json).toMatchObject({ isDone: true, pending: 0 });
	});

	test('scheduled: a Date & Time field value (no zone) is converted from the workflow timezone to ISO UTC with milliseconds', async () => {
		const result = await run({
			text: 'later',
			userIds: '100001, 100002',
			sendAt: 'scheduled',
			scheduledDate: '2031-01-15T09:30:00',
		});
		expect(result.error).toBeUndefined();
		expect(posted()).toEqual([
			{
				text: 'later',
				isMarkdown: true,
				userIds: [100001, 100002],
				scheduledDate: '2031-01-15T14:30:00.000Z',
			},
		]);
		expect(result.output()[0].json).toMatchObject({
			isDone: false,
			pending: 2,
			total: 2,
			scheduledDate: '2031-01-15T14:30:00.000Z',
		});
	});

	test('scheduled: summer time, an explicit offset and a Z time', async () => {
		await run({
			text: 'a',
			userIds: '100001',
			sendAt: 'scheduled',
			scheduledDate: '2031-07-15T09:30:00',
		});
		await run({
			text: 'b',
			userIds: '100001',
			sendAt: 'scheduled',
			scheduledDate: '2031-01-15T09:30:00+02:00',
		});
		await run({
			text: 'c',
			userIds: '100001',
			sendAt: 'scheduled',
			scheduledDate: '2031-01-15T09:30:00Z',
		});
		await run({
			text: 'd',
			userIds: '100001',
			sendAt: 'scheduled',
			scheduledDate: '2031-01-15 18:05',
		});
		expect(posted().map((body) => (body as { scheduledDate: string }).scheduledDate)).toEqual([
			'2031-07-15T13:30:00.000Z',
			'2031-01-15T07:30:00.000Z',
			'2031-01-15T09:30:00.000Z',
			'2031-01-15T23:05:00.000Z',
		]);
	});

	test("scheduled: the workflow's timezone decides (Asia/Tokyo)", async () => {
		const before = getGlobalState();
		setGlobalState({ ...before, defaultTimezone: 'Asia/Tokyo' });
		try {
			await run({
				text: 'tokyo',
				userIds: '100001',
				sendAt: 'scheduled',
				scheduledDate: '2031-01-15T09:30:00',
			});
		} finally {
			setGlobalState(before);
		}
		expect(posted()).toEqual([
			{
				text: 'tokyo',
				isMarkdown: true,
				userIds: [100001],
				scheduledDate: '2031-01-15T00:30:00.000Z',
			},
		]);
	});

	test('scheduled from an expression ($now plus two days)', async () => {
		const before = Date.now();
		const result = await run({
			text: 'in two days',
			userIds: '100001',
			sendAt: 'scheduled',
			scheduledDate: '={{ $now.plus({ days: 2 }) }}',
		});
		expect(result.error).toBeUndefined();
		const { scheduledDate } = posted()[0] as { scheduledDate: string };
		expect(scheduledDate).toMatch(API_DATE);
		const sent = Date.parse(scheduledDate);
		expect(sent).toBeGreaterThanOrEqual(before + 2 * 86_400_000 - 1000);
		expect(sent).toBeLessThanOrEqual(Date.now() + 2 * 86_400_000 + 1000);
	});

	test('PPV: price with cents, a preview, media from an upload reference and a vault ID, to the VIP list', async () => {
		const { reference: upload } = await uploadInSimulator(sim());
		const result = await run({
			text: 'Exclusive for my VIPs',
			userLists: [VIP_LIST_ID],
			payPerView: true,
			price: 12.49,
			previewMediaCount: 1,
			media: mediaEntries(['reference', upload], ['list', String(PHOTO + 5)]),
			options: { isLockedText: true },
		});
		expect(result.error).toBeUndefined();
		expect(posted()).toEqual([
			{
				text: 'Exclusive for my VIPs',
				isMarkdown: true,
				isLockedText: true,
				mediaItems: [upload, PHOTO + 5],
				price: 12.49,
				previewMediaCount: 1,
				userLists: [VIP_LIST_ID],
			},
		]);
		const json = result.output()[0].json as {
			price: number;
			isFree: boolean;
			mediaCount: number;
			previews: number[];
			total: number;
		};
		expect(json).toMatchObject({
			price: 12.49,
			isFree: false,
			mediaCount: 2,
			total: listMembers(sim(), VIP_LIST_ID).length,
		});
		expect(json.previews).toHaveLength(1);
		expect(sim().state.uploads.find((entry) => entry.mediaUploadId === upload)?.status).toBe(
			'consumed',
		);
	});

	test('PPV with release forms and tags (the message options of Send PPV), scheduled', async () => {
		const result = await run({
			text: 'collab drop',
			userLists: ['fans'],
			payPerView: true,
			price: 20,
			media: mediaEntries(String(PHOTO)),
			sendAt: 'scheduled',
			scheduledDate: '2031-02-01T20:00:00',
			options: { releaseFormPartners: [9100001], userTags: '9100002', isMarkdown: false },
		});
		expect(result.error).toBeUndefined();
		expect(posted()).toEqual([
			{
				text: 'collab drop',
				isMarkdown: false,
				mediaItems: [PHOTO],
				price: 20,
				previewMediaCount: 0,
				userTags: [9100002],
				releaseForms: { partners: [9100001] },
				userLists: ['fans'],
				scheduledDate: '2031-02-02T01:00:00.000Z',
			},
		]);
	});

	test('Pay Per View off: a left-over price is not sent (a free mass message)', async () => {
		const result = await run({
			text: 'free',
			userIds: '100001',
			payPerView: false,
			price: 50,
			media: mediaEntries(String(PHOTO)),
		});
		expect(result.error).toBeUndefined();
		expect(posted()).toEqual([
			{ text: 'free', isMarkdown: true, mediaItems: [PHOTO], userIds: [100001] },
		]);
	});

	test('one mass message per input item (a sheet row per campaign), paired to its row', async () => {
		const result = await run({ text: '={{ $json.text }}', userLists: '={{ $json.list }}' }, [
			{ json: { text: 'first', list: VIP_LIST_ID } },
			{ json: { text: 'second', list: 'fans' } },
			{ json: { text: 'third', list: [WHALES_LIST_ID] } },
		]);
		expect(result.error).toBeUndefined();
		expect(posted()).toEqual([
			{ text: 'first', isMarkdown: true, userLists: [VIP_LIST_ID] },
			{ text: 'second', isMarkdown: true, userLists: ['fans'] },
			{ text: 'third', isMarkdown: true, userLists: [WHALES_LIST_ID] },
		]);
		const output = result.output();
		expect(output.map((item) => item.json.id)).toEqual(
			sim()
				.state.massMessages.slice(-3)
				.map((entry) => entry.id),
		);
		expect(pairedItems(output)).toEqual([0, 1, 2]);
	});

	test('a 500 on create is not retried (no double send): the node fails with the API error', async () => {
		sim().faults.failNext(1, 500);
		const result = await run({ text: 'once', userIds: '100001' });
		expect(result.error?.message).toMatch(/500|server/i);
		expect(apiRequests(sim(), 'POST')).toHaveLength(1);
	});

	test('a 429 on create is retried after Retry-After and sent once', async () => {
		sim().faults.failNext(1, 429, { headers: { 'retry-after': '0' } });
		const result = await run({ text: 'after a pause', userIds: '100001' });
		expect(result.error).toBeUndefined();
		expect(apiRequests(sim(), 'POST').map((request) => request.status)).toEqual([429, 200]);
		expect(sim().state.massMessages.filter((entry) => entry.text === 'after a pause')).toHaveLength(
			1,
		);
	});

	test('the output id feeds Get in the next node ({{ $json.id }})', async () => {
		const result = await runWorkflow({
			credentials: simulatorCredentials(sim()),
			steps: [
				{ name: 'Create', parameters: create({ text: 'chain', userIds: '100001' }) },
				{
					name: 'Get',
					parameters: {
						resource: 'massMessage',
						operation: 'get',
						massMessageId: '={{ $json.id }}',
					},
				},
			],
		});
		expect(result.error).toBeUndefined();
		const id = sim().state.massMessages.at(-1)!.id;
		expect(apiRequests(sim(), 'GET').map((request) => request.path)).toEqual([
			`/v2/access/mass-messages/${id}`,
		]);
		expect(result.output('Get')[0].json).toMatchObject({ id, text: 'chain', total: 1 });
		expect(pairedItems(result.output('Get'))).toEqual([0]);
	});
});
