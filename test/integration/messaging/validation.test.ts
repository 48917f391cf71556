import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runNode, simulatorCredentials, useSimulator } from '../../harness';
import { FIRST_VAULT_MEDIA_ID } from '../../simulator';
import { apiRequests, locator, mediaEntries, pairedItems } from './helpers';

const PHOTO = String(FIRST_VAULT_MEDIA_ID);
const FAN = '100070';

const send = (parameters: INodeParameters): INodeParameters => ({
	resource: 'message',
	operation: 'send',
	fan: locator(FAN),
	text: 'hello',
	...parameters,
});
const ppv = (parameters: INodeParameters): INodeParameters => ({
	resource: 'message',
	operation: 'sendPpv',
	fan: locator(FAN),
	price: 9.99,
	media: mediaEntries(PHOTO, String(FIRST_VAULT_MEDIA_ID + 1)),
	text: 'unlock',
	...parameters,
});

/** The fan taken from an input item, as when the IDs come from a CRM or a sheet. */
const fanFromRow = locator('={{ $json.fanId }}');
const row = (fanId: unknown): INodeExecutionData[] => [
	{ json: { fanId } as INodeExecutionData['json'] },
];

interface BadInput {
	what: string;
	parameters: INodeParameters;
	items?: INodeExecutionData[];
	/** the field label the message must name */
	field: string;
	/** a part of the problem text */
	problem: string;
}

const badInputs: BadInput[] = [
	{
		what: 'PPV price 1',
		parameters: ppv({ price: 1 }),
		field: 'Price (USD)',
		problem: 'must be from 3 to 200 USD',
	},
	{
		what: 'PPV price 2.99',
		parameters: ppv({ price: 2.99 }),
		field: 'Price (USD)',
		problem: 'must be from 3 to 200 USD',
	},
	{
		what: 'PPV price 250',
		parameters: ppv({ price: 250 }),
		field: 'Price (USD)',
		problem: 'must be from 3 to 200 USD',
	},
	{
		what: 'PPV price "abc"',
		parameters: ppv({ price: '={{ "abc" }}' }),
		field: 'Price (USD)',
		problem: 'must be a number in USD',
	},
	{
		what: 'PPV price 9.999',
		parameters: ppv({ price: 9.999 }),
		field: 'Price (USD)',
		problem: 'at most 2 decimals',
	},
	{
		what: 'PPV price empty',
		parameters: ppv({ price: '={{ $json.nothing }}' }),
		field: 'Price (USD)',
		problem: 'PPV',
	},
	{
		what: 'PPV without media',
		parameters: ppv({ media: {} }),
		field: 'Media',
		problem: 'a PPV needs at least one media item',
	},
	{
		what: 'PPV preview count -1',
		parameters: ppv({ previewMediaCount: -1 }),
		field: 'Preview Media Count',
		problem: 'cannot be negative',
	},
	{
		what: 'PPV preview count above the media count',
		parameters: ppv({ previewMediaCount: 3 }),
		field: 'Preview Media Count',
		problem: 'is 3 but the message has only 2 media item(s): use 0 to 2',
	},
	{
		what: 'PPV preview count 1.5',
		parameters: ppv({ previewMediaCount: 1.5 }),
		field: 'Preview Media Count',
		problem: 'whole number',
	},
	{
		what: 'fan user ID "abc" from a sheet row',
		parameters: send({ fan: fanFromRow }),
		items: row('abc'),
		field: 'Fan',
		problem: 'must be an OnlyFans user ID made of digits',
	},
	{
		what: 'fan user ID "12a" from a sheet row',
		parameters: send({ fan: fanFromRow }),
		items: row('12a'),
		field: 'Fan',
		problem: 'must be an OnlyFans user ID made of digits',
	},
	{
		what: 'fan user ID -5 from a CRM row',
		parameters: send({ fan: fanFromRow }),
		items: row(-5),
		field: 'Fan',
		problem: 'made of digits',
	},
	{
		what: 'fan user ID 12.5 from a CRM row',
		parameters: send({ fan: fanFromRow }),
		items: row(12.5),
		field: 'Fan',
		problem: 'made of digits',
	},
	{
		what: 'fan user ID "0"',
		parameters: send({ fan: locator('0') }),
		field: 'Fan',
		problem: 'must be a positive OnlyFans user ID',
	},
	{
		what: 'fan empty from an expression',
		parameters: send({ fan: locator('={{ "" }}') }),
		field: 'Fan',
		problem: 'is empty',
	},
	{
		what: 'fan from an expression that is empty (missing column)',
		parameters: send({ fan: locator('={{ $json.fanId }}') }),
		items: [{ json: { name: 'no id' } }],
		field: 'Fan',
		problem: 'is empty',
	},
	{
		what: 'fan URL that is not a chat URL',
		parameters: send({ fan: locator('={{ $json.fanId }}', 'url') }),
		items: row('https://onlyfans.com/janedoe'),
		field: 'Fan',
		problem: 'is not an OnlyFans chat URL',
	},
	{
		what: 'fan "12a" for Get Messages',
		parameters: { resource: 'message', operation: 'getMany', fan: fanFromRow },
		items: row('12a'),
		field: 'Fan',
		problem: 'digits',
	},
	{
		what: 'fan "abc" for Get Chat Media',
		parameters: { resource: 'chat', operation: 'getMedia', fan: fanFromRow },
		items: row('abc'),
		field: 'Fan',
		problem: 'digits',
	},
	{
		what: 'fan "abc" for Unsend',
		parameters: { resource: 'message', operation: 'unsend', fan: fanFromRow, messageId: '1' },
		items: row('abc'),
		field: 'Fan',
		problem: 'digits',
	},
	{
		what: 'text of 10,001 characters',
		parameters: send({ text: 'x'.repeat(10_001) }),
		field: 'Text',
		problem: 'is longer than 10000 characters',
	},
	{
		what: 'neither text nor media',
		parameters: send({ text: '' }),
		field: 'Text',
		problem: 'a message needs text, media or both',
	},
	{
		what: 'only spaces and no media',
		parameters: send({ text: '   \n ' }),
		field: 'Text',
		problem: 'a message needs text, media or both',
	},
	{
		what: 'media "ftp://x"',
		parameters: send({ media: mediaEntries(['reference', 'ftp://x']) }),
		field: 'Media (entry 1)',
		problem: 'is neither a vault media ID',
	},
	{
		what: 'media "upload:"',
		parameters: send({ media: mediaEntries(['reference', 'upload:']) }),
		field: 'Media (entry 1)',
		problem: 'upload reference',
	},
	{
		what: 'media "photo.jpg"',
		parameters: send({ media: mediaEntries(['reference', 'photo.jpg']) }),
		field: 'Media (entry 1)',
		problem: 'http(s) URL',
	},
	{
		what: 'media vault ID "0"',
		parameters: send({ media: mediaEntries('0') }),
		field: 'Media (entry 1)',
		problem: 'must be a positive vault media ID',
	},
	{
		what: 'media entry left empty',
		parameters: send({ media: mediaEntries(PHOTO, '') }),
		field: 'Media (entry 2)',
		problem: 'is neither',
	},
	{
		what: 'Media List with a bad 2nd entry',
		parameters: send({ options: { mediaList: `${PHOTO}, javascript:alert(1)` } }),
		field: 'Media (entry 2)',
		problem: 'is neither',
	},
	{
		what: 'tag user ID "0"',
		parameters: send({ options: { userTags: '0' } }),
		field: 'Tag Users (entry 1)',
		problem: 'must be a positive OnlyFans user ID',
	},
	{
		what: 'tag user ID "-5"',
		parameters: send({ options: { userTags: '100001, -5' } }),
		field: 'Tag Users (entry 2)',
		problem: 'must be an OnlyFans user ID made of digits',
	},
	{
		what: 'tag user ID "abc"',
		parameters: send({ options: { userTags: 'abc' } }),
		field: 'Tag Users (entry 1)',
		problem: 'made of digits',
	},
	{
		what: 'tag user ID 1.5',
		parameters: send({ options: { userTags: '={{ [1.5] }}' } }),
		field: 'Tag Users (entry 1)',
		problem: 'whole-number',
	},
	{
		what: 'release-form user "0"',
		parameters: send({ options: { releaseFormUsers: '0' } }),
		field: 'Release Form Users (entry 1)',
		problem: 'positive',
	},
	{
		what: 'release-form partner "-5"',
		parameters: send({ options: { releaseFormPartners: '={{ ["-5"] }}' } }),
		field: 'Release Form Partners (entry 1)',
		problem: 'digits',
	},
	{
		what: 'release-form guest "abc"',
		parameters: send({ options: { releaseFormGuests: '9100003, abc' } }),
		field: 'Release Form Guests (entry 2)',
		problem: 'digits',
	},
	{
		what: 'reply-to ID with a space',
		parameters: send({ options: { replyToMessageId: '12 34' } }),
		field: 'Reply to Message ID',
		problem: 'without spaces',
	},
	{
		what: 'unsend message ID "abc"',
		parameters: { resource: 'message', operation: 'unsend', fan: locator(FAN), messageId: 'abc' },
		field: 'Message ID',
		problem: 'must be a message ID made of digits',
	},
	{
		what: 'unsend message ID empty',
		parameters: {
			resource: 'message',
			operation: 'unsend',
			fan: locator(FAN),
			messageId: '={{ $json.id }}',
		},
		field: 'Message ID',
		problem: 'is empty: enter a message ID made of digits',
	},
];

describe('validation before any request: bad input names the field, the item and the fix, and sends nothing', () => {
	const sim = useSimulator();

	test(`the table holds at least 20 bad inputs (${badInputs.length})`, () => {
		expect(badInputs.length).toBeGreaterThanOrEqual(20);
	});

	test.each(badInputs)('$what', async ({ parameters, items, field, problem }) => {
		const result = await runNode(parameters, { credentials: simulatorCredentials(sim()), items });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message.startsWith(`Invalid "${field}" on item 0: `)).toBe(true);
		expect(result.error?.message).toContain(problem);
		const sends = ['send', 'sendPpv'].includes(String(parameters.operation));
		expect((result.error as { description?: string }).description).toBe(
			`Fix "${field}" for item 0 and run the node again. Nothing was sent for this item.${sends ? ' Checked 1 item before sending; nothing was sent.' : ''}`,
		);
		expect(apiRequests(sim())).toHaveLength(0);
	});

	test('one bad row stops the run before the first send: nothing goes out, the error names the item and the count checked', async () => {
		const rows = [
			{ fan: 100071, name: 'A' },
			{ fan: 100072, name: 'B' },
			{ fan: '10007x', name: 'C' },
			{ fan: 100073, name: 'D' },
		];
		const node = send({ fan: locator('={{ $json.fan }}'), text: '=Hi {{ $json.name }}' });
		const result = await runNode(node, {
			credentials: simulatorCredentials(sim()),
			items: rows.map((json) => ({ json })),
		});
		expect(result.error?.message).toMatch(
			/^Invalid "Fan" on item 2: must be an OnlyFans user ID made of digits.*\(checked 4 items: nothing was sent\)$/,
		);
		expect(apiRequests(sim())).toHaveLength(0);

		// the user fixes row 2 and runs again: every fan gets exactly one message
		rows[2].fan = 100079;
		const rerun = await runNode(node, {
			credentials: simulatorCredentials(sim()),
			items: rows.map((json) => ({ json })),
		});
		expect(rerun.error).toBeUndefined();
		expect([100071, 100072, 100079, 100073].map((fan) => sim().messagesSentTo(fan))).toEqual([
			1, 1, 1, 1,
		]);
	});

	test('several bad rows: one error lists every invalid item with its field and fix, and how many were checked', async () => {
		const rows = [
			{ fan: 100071, price: 9 },
			{ fan: 'abc', price: 9 },
			{ fan: 100072, price: 500 },
			{ fan: 100073, price: 5 },
		];
		const result = await runNode(
			ppv({ fan: locator('={{ $json.fan }}'), price: '={{ $json.price }}' }),
			{
				credentials: simulatorCredentials(sim()),
				items: rows.map((json) => ({ json })),
			},
		);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(
			/^2 of 4 items are invalid, so nothing was sent: Invalid "Fan" on item 1: .*; Invalid "Price \(USD\)" on item 2: must be from 3 to 200 USD/,
		);
		const description = String((result.error as { description?: string }).description);
		expect(description).toContain('Checked 4 items before sending; nothing was sent to any fan.');
		expect(description).toContain(
			'- Invalid "Fan" on item 1: must be an OnlyFans user ID made of digits',
		);
		expect(description).toContain('Fix "Fan" for item 1 and run the node again.');
		expect(description).toContain('- Invalid "Price (USD)" on item 2: must be from 3 to 200 USD');
		expect(apiRequests(sim())).toHaveLength(0);
	});

	test('Lock Text on a free message is refused with the fix; nothing is sent', async () => {
		const result = await runNode(send({ options: { isLockedText: true } }), {
			credentials: simulatorCredentials(sim()),
		});
		expect(result.error?.message).toMatch(
			/^Invalid "Lock Text" on item 0: is on, but a free message has nothing to unlock: set a price .*or turn Lock Text off/,
		);
		expect(apiRequests(sim())).toHaveLength(0);
	});

	test('Continue (using error output): invalid rows leave by the error output with the row, field, item and hint; valid rows are sent once', async () => {
		const rows = [
			{ fan: 100081, price: 9.99, row: 1 },
			{ fan: 100082, price: 1, row: 2 },
			{ fan: '12a', price: 5, row: 3 },
			{ fan: 100083, price: 20, row: 4 },
		];
		const result = await runNode(
			ppv({ fan: locator('={{ $json.fan }}'), price: '={{ $json.price }}' }),
			{
				credentials: simulatorCredentials(sim()),
				items: rows.map((json) => ({ json })),
				onError: 'continueErrorOutput',
			},
		);
		expect(result.error).toBeUndefined();
		const success = result.output(undefined, 0);
		const failed = result.output(undefined, 1);
		expect(pairedItems(success)).toEqual([0, 3]);
		expect(success.map((item) => item.json.price)).toEqual([9.99, 20]);
		expect(pairedItems(failed)).toEqual([1, 2]);
		// (a real n8n also merges the input row into it: the first node here has no previous node; see test/e2e)
		expect(failed[0].json).toEqual({
			error:
				'Invalid "Price (USD)" on item 1: must be from 3 to 200 USD (OnlyFans\' PPV range); use Send Message for a free message',
			details: {
				description:
					'Fix "Price (USD)" for item 1 and run the node again. Nothing was sent for this item.',
				field: 'Price (USD)',
				itemIndex: 1,
			},
		});
		expect(failed[1].json).toMatchObject({ details: { field: 'Fan', itemIndex: 2 } });
		expect([100081, 100082, 100083].map((fan) => sim().messagesSentTo(fan))).toEqual([1, 0, 1]);
	});

	test('Continue On Fail: good items are sent, bad items become error items, pairedItem points at each input', async () => {
		const rows = [
			{ fan: 100074, price: 9.99 },
			{ fan: 100075, price: 1 },
			{ fan: 100076, price: '19.50' },
			{ fan: '12a', price: 5 },
			{ fan: 100077, price: 'abc' },
			{ fan: 100078, price: 200 },
		];
		const result = await runNode(
			ppv({ fan: locator('={{ $json.fan }}'), price: '={{ $json.price }}', text: 'hi' }),
			{
				credentials: simulatorCredentials(sim()),
				items: rows.map((json) => ({ json })),
				continueOnFail: true,
			},
		);
		expect(result.error).toBeUndefined();
		const output = result.output();
		expect(output).toHaveLength(6);
		expect(pairedItems(output)).toEqual([0, 1, 2, 3, 4, 5]);
		expect(output.map((item) => item.json.price ?? null)).toEqual([
			9.99,
			null,
			19.5,
			null,
			null,
			200,
		]);
		expect(output[1].json).toEqual({
			error:
				'Invalid "Price (USD)" on item 1: must be from 3 to 200 USD (OnlyFans\' PPV range); use Send Message for a free message',
			details: {
				description:
					'Fix "Price (USD)" for item 1 and run the node again. Nothing was sent for this item.',
				field: 'Price (USD)',
				itemIndex: 1,
			},
		});
		expect(String(output[3].json.error)).toMatch(/^Invalid "Fan" on item 3: /);
		expect(String(output[4].json.error)).toMatch(
			/^Invalid "Price \(USD\)" on item 4: must be a number/,
		);
		expect(
			apiRequests(sim(), 'POST').map((request) => [
				request.path,
				(request.body as { price: number }).price,
			]),
		).toEqual([
			['/v2/access/chats/100074/messages', 9.99],
			['/v2/access/chats/100076/messages', 19.5],
			['/v2/access/chats/100078/messages', 200],
		]);
		expect(
			[100074, 100075, 100076, 100077, 100078].map((fan) => sim().messagesSentTo(fan)),
		).toEqual([1, 0, 1, 0, 1]);
	});
});
