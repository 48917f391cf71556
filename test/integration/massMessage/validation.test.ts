import type { INodeParameters } from 'n8n-workflow';

import { runNode, simulatorCredentials, useSimulator } from '../../harness';
import { FIRST_VAULT_MEDIA_ID, VIP_LIST_ID } from '../../simulator';
import { apiRequests, create, mediaEntries, pairedItems } from './helpers';

const PHOTO = FIRST_VAULT_MEDIA_ID;
const PPV = { payPerView: true, price: 9.99, media: mediaEntries(String(PHOTO)) };

describe('Mass Message: bad input is refused before anything is sent', () => {
	const sim = useSimulator();

	// [case, parameters, field named in the error, what the error says]
	const cases: Array<[string, INodeParameters, string, RegExp]> = [
		['empty audience', create({ text: 'to nobody' }), 'Fan IDs', /needs an audience/],
		[
			'empty audience from expressions',
			create({ text: 'x', userIds: '={{ [] }}', userLists: '={{ "" }}' }),
			'Fan IDs',
			/needs an audience/,
		],
		[
			'scheduled in the past',
			create({
				text: 'x',
				userIds: '100001',
				sendAt: 'scheduled',
				scheduledDate: '2020-01-01T00:00:00',
			}),
			'Scheduled Date',
			/is in the past/,
		],
		[
			'scheduled a minute ago',
			create({
				text: 'x',
				userIds: '100001',
				sendAt: 'scheduled',
				scheduledDate: '={{ $now.minus({ minutes: 1 }).toISO() }}',
			}),
			'Scheduled Date',
			/is in the past/,
		],
		[
			'unparsable scheduled date',
			create({ text: 'x', userIds: '100001', sendAt: 'scheduled', scheduledDate: 'next friday' }),
			'Scheduled Date',
			/"next friday" is not a date and time/,
		],
		[
			'impossible calendar date',
			create({
				text: 'x',
				userIds: '100001',
				sendAt: 'scheduled',
				scheduledDate: '2031-02-30T10:00:00',
			}),
			'Scheduled Date',
			/is not a date and time/,
		],
		[
			'scheduled with a date that is empty in the row',
			create({
				text: 'x',
				userIds: '100001',
				sendAt: 'scheduled',
				scheduledDate: '={{ $json.when }}',
			}),
			'Scheduled Date',
			/is empty/,
		],
		[
			'unparsable subscribed-after date',
			create({
				text: 'x',
				userLists: ['fans'],
				audienceFilters: { subscribedAfterDate: 'last spring' },
			}),
			'Subscribed After',
			/is not a date and time/,
		],
		[
			'PPV without media',
			create({ text: 'x', userIds: '100001', payPerView: true, price: 9.99 }),
			'Media',
			/at least one media item/,
		],
		[
			'PPV price 1',
			create({ text: 'x', userIds: '100001', ...PPV, price: 1 }),
			'Price (USD)',
			/from 3 to 200/,
		],
		[
			'PPV price 250',
			create({ text: 'x', userIds: '100001', ...PPV, price: 250 }),
			'Price (USD)',
			/from 3 to 200/,
		],
		[
			'PPV price with fractions of a cent',
			create({ text: 'x', userIds: '100001', ...PPV, price: 9.999 }),
			'Price (USD)',
			/2 decimals/,
		],
		[
			'preview count above the media count',
			create({ text: 'x', userIds: '100001', ...PPV, previewMediaCount: 2 }),
			'Preview Media Count',
			/only 1 media item/,
		],
		[
			'list ID "-1"',
			create({ text: 'x', userLists: [VIP_LIST_ID, '-1'] }),
			'User List Names or IDs (entry 2)',
			/must be a user list.*"-1" is none of these/,
		],
		[
			'list ID 0',
			create({ text: 'x', userLists: [0] }),
			'User List Names or IDs (entry 1)',
			/must be a user list/,
		],
		[
			'excluded list ID -3',
			create({ text: 'x', userLists: ['fans'], audienceFilters: { excludeUserLists: [-3] } }),
			'Exclude User List Names or IDs (entry 1)',
			/must be a user list/,
		],
		[
			'a list both included and excluded',
			create({
				text: 'x',
				userLists: [VIP_LIST_ID],
				audienceFilters: { excludeUserLists: [VIP_LIST_ID] },
			}),
			'Exclude User List Names or IDs (entry 1)',
			/also in "User List Names or IDs"/,
		],
		[
			'user ID "x"',
			create({ text: 'x', userIds: 'x' }),
			'Fan IDs (entry 1)',
			/OnlyFans user ID made of digits/,
		],
		[
			'user ID "-5" among good ones',
			create({ text: 'x', userIds: '100001, -5' }),
			'Fan IDs (entry 2)',
			/OnlyFans user ID/,
		],
		[
			'text too long',
			create({ text: 'y'.repeat(10_001), userIds: '100001' }),
			'Text',
			/longer than 10000 characters/,
		],
		[
			'no text and no media',
			create({ text: '  ', userIds: '100001' }),
			'Text',
			/needs text, media or both/,
		],
		[
			'media entry that is not media',
			create({ text: 'x', userIds: '100001', media: mediaEntries(['reference', 'not a thing']) }),
			'Media (entry 1)',
			/vault media ID/,
		],
		[
			'update with a mass message ID that is not digits',
			{
				resource: 'massMessage',
				operation: 'update',
				massMessageId: 'abc',
				text: 'x',
				userIds: '100001',
			},
			'Mass Message ID',
			/made of digits/,
		],
		[
			'update with a good ID and an empty audience',
			{ resource: 'massMessage', operation: 'update', massMessageId: '8001', text: 'x' },
			'Fan IDs',
			/needs an audience/,
		],
		[
			'get with an ID that is empty in the row',
			{ resource: 'massMessage', operation: 'get', massMessageId: '={{ $json.id }}' },
			'Mass Message ID',
			/is empty/,
		],
		[
			'delete with ID 0',
			{ resource: 'massMessage', operation: 'delete', massMessageId: '0' },
			'Mass Message ID',
			/positive/,
		],
		[
			'delete with ID "9001/../x"',
			{ resource: 'massMessage', operation: 'delete', massMessageId: '9001/../x' },
			'Mass Message ID',
			/made of digits/,
		],
		[
			'buyers with ID "x"',
			{ resource: 'massMessage', operation: 'getBuyers', massMessageId: 'x', returnAll: true },
			'Mass Message ID',
			/made of digits/,
		],
		[
			'sent statistics with an unreadable start',
			{
				resource: 'massMessage',
				operation: 'getSentStats',
				startDate: 'yesterday-ish',
				returnAll: true,
			},
			'Start Date',
			/is not a date and time/,
		],
		[
			'sent statistics ending before they start',
			{
				resource: 'massMessage',
				operation: 'getSentStats',
				startDate: '2025-05-10T00:00:00',
				endDate: '2025-05-01T00:00:00',
				returnAll: true,
			},
			'End Date',
			/is before "Start Date"/,
		],
		[
			'chart with an unreadable end',
			{ resource: 'massMessage', operation: 'getChart', endDate: '31/05/2025' },
			'End Date',
			/is not a date and time/,
		],
	];

	test.each(cases)(
		'%s: clear error naming the field and the item, zero requests',
		async (_name, parameters, field, problem) => {
			const result = await runNode(parameters, { credentials: simulatorCredentials(sim()) });
			expect(result.error).toBeDefined();
			const message = result.error!.message;
			expect(message.startsWith(`Invalid "${field}" on item 0: `)).toBe(true);
			expect(message).toMatch(problem);
			expect((result.error as unknown as { description?: string }).description).toMatch(
				/Nothing was sent/,
			);
			expect(sim().requests).toHaveLength(0);
		},
	);

	test('the item index in the error is the failing row, and no row is created when one is invalid', async () => {
		const result = await runNode(create({ text: 'x', userIds: '={{ $json.fans }}' }), {
			credentials: simulatorCredentials(sim()),
			items: [
				{ json: { fans: '100001' } },
				{ json: { fans: '100002' } },
				{ json: { fans: 'oops' } },
			],
		});
		expect(result.error?.message).toMatch(
			/^Invalid "Fan IDs \(entry 1\)" on item 2: .*\(checked 3 items: nothing was sent\)$/,
		);
		expect(sim().requests).toHaveLength(0);
		expect(sim().state.massMessages.filter((entry) => entry.text === 'x')).toHaveLength(0);
	});

	test('Continue On Fail: a bad row becomes an error item, the good row is created exactly once', async () => {
		const result = await runNode(
			create({ text: '={{ $json.text }}', userIds: '={{ $json.fans }}' }),
			{
				credentials: simulatorCredentials(sim()),
				continueOnFail: true,
				items: [
					{ json: { text: 'bad row', fans: 'x' } },
					{ json: { text: 'good row', fans: [100001, 100002] } },
				],
			},
		);
		expect(result.error).toBeUndefined();
		const output = result.output();
		expect(output).toHaveLength(2);
		expect(output[0].json.error).toMatch(/^Invalid "Fan IDs \(entry 1\)" on item 0: /);
		expect(output[1].json).toMatchObject({ text: 'good row', total: 2 });
		expect(pairedItems(output)).toEqual([0, 1]);
		const posts = apiRequests(sim(), 'POST');
		expect(posts.map((request) => request.body)).toEqual([
			{ text: 'good row', isMarkdown: true, userIds: [100001, 100002] },
		]);
		expect(sim().state.massMessages.filter((entry) => entry.text === 'good row')).toHaveLength(1);
	});

	test('Continue On Fail with an API error (unknown list): error item with the HTTP code, next row still sent', async () => {
		const result = await runNode(
			create({ text: '={{ $json.text }}', userLists: '={{ $json.list }}' }),
			{
				credentials: simulatorCredentials(sim()),
				continueOnFail: true,
				items: [
					{ json: { text: 'unknown list', list: 424242 } },
					{ json: { text: 'vip', list: VIP_LIST_ID } },
				],
			},
		);
		expect(result.error).toBeUndefined();
		const output = result.output();
		expect(output[0].json).toMatchObject({ details: { httpCode: '400', itemIndex: 0 } });
		expect(String(output[0].json.error)).toMatch(/./);
		expect(output[1].json).toMatchObject({ text: 'vip' });
		expect(pairedItems(output)).toEqual([0, 1]);
		expect(apiRequests(sim(), 'POST')).toHaveLength(2);
	});
});

describe('Mass Message: user lists given as text are checked against the account before anything is sent', () => {
	const sim = useSimulator();
	const listReads = () =>
		sim().requests.filter(
			(request) => request.method === 'GET' && request.path === '/v2/access/users/lists',
		);

	test('a list name is sent as its ID, a built-in type as itself; the lists are read once for all items', async () => {
		const result = await runNode(
			create({ text: '={{ $json.text }}', userLists: '={{ $json.lists }}' }),
			{
				credentials: simulatorCredentials(sim()),
				items: [
					{ json: { text: 'a', lists: ['vip'] } },
					{ json: { text: 'b', lists: 'Fans, Whales' } },
					{ json: { text: 'c', lists: [VIP_LIST_ID] } },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(
			apiRequests(sim(), 'POST').map(
				(request) => (request.body as { userLists: unknown }).userLists,
			),
		).toEqual([[VIP_LIST_ID], ['fans', VIP_LIST_ID + 1], [VIP_LIST_ID]]);
		expect(listReads()).toHaveLength(1);
	});

	test('a list that does not exist is refused, naming the lists that do; nothing is created', async () => {
		const result = await runNode(
			create({ text: '={{ $json.text }}', userLists: '={{ $json.lists }}' }),
			{
				credentials: simulatorCredentials(sim()),
				items: [
					{ json: { text: 'ok', lists: ['fans'] } },
					{ json: { text: 'typo', lists: ['vipp'] } },
				],
			},
		);
		expect(result.error?.message).toMatch(
			/^Invalid "User List Names or IDs" on item 1: "vipp" is not one of this account's user lists\. The lists are: Fans \(fans\), .*VIP \(1001\).*\(checked 2 items: nothing was sent\)$/,
		);
		expect(apiRequests(sim(), 'POST')).toHaveLength(0);
		expect(listReads()).toHaveLength(1);
	});

	test('an excluded list that does not exist is refused too; a name included and excluded is caught after it is resolved', async () => {
		const unknown = await runNode(
			create({ text: 'x', userLists: ['fans'], audienceFilters: { excludeUserLists: ['abc!'] } }),
			{
				credentials: simulatorCredentials(sim()),
			},
		);
		expect(unknown.error?.message).toMatch(
			/^Invalid "Exclude User List Names or IDs" on item 0: "abc!" is not one of this account's user lists/,
		);
		const overlap = await runNode(
			create({
				text: 'x',
				userLists: ['VIP'],
				audienceFilters: { excludeUserLists: [VIP_LIST_ID] },
			}),
			{
				credentials: simulatorCredentials(sim()),
			},
		);
		expect(overlap.error?.message).toMatch(
			/^Invalid "Exclude User List Names or IDs" on item 0: list 1001 is also in "User List Names or IDs"/,
		);
		expect(apiRequests(sim(), 'POST')).toHaveLength(0);
	});

	test('numeric list IDs need no lookup', async () => {
		const result = await runNode(create({ text: 'x', userLists: [VIP_LIST_ID] }), {
			credentials: simulatorCredentials(sim()),
		});
		expect(result.error).toBeUndefined();
		expect(listReads()).toHaveLength(0);
	});
});
