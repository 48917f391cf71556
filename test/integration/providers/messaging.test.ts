import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { onlyFansApiCredentials, runNode, simulatorCredentials, useSimulator } from '../../harness';
import type { OfAuthSimulator, RecordedRequest } from '../../simulator';
import { FIRST_VAULT_MEDIA_ID } from '../../simulator';
import { accountIdOf } from '../../simulator/onlyFansApi';
import { locator, mediaEntries } from '../messaging/helpers';

/**
 * The messaging operations from one table of cases, run against both providers (the simulator's
 * OFAuth and OnlyFansAPI.com modes share one seeded world): the same node fields, switched by the
 * Authentication field and the credential alone.
 */
interface ProviderUnderTest {
	name: 'ofAuthApi' | 'onlyFansApi';
	credentials: (sim: OfAuthSimulator) => ICredentialDataDecryptedObject;
	/** the API calls of the node (control calls excluded) */
	calls: (sim: OfAuthSimulator) => RecordedRequest[];
}

const OFAUTH: ProviderUnderTest = {
	name: 'ofAuthApi',
	credentials: (sim) => simulatorCredentials(sim),
	calls: (sim) => sim.requests.filter((request) => request.path.startsWith('/v2/')),
};
const ONLYFANSAPI: ProviderUnderTest = {
	name: 'onlyFansApi',
	credentials: (sim) => onlyFansApiCredentials(sim),
	calls: (sim) => sim.requests.filter((request) => request.path.startsWith('/api/')),
};

const FAN = '100070';
const PHOTO = String(FIRST_VAULT_MEDIA_ID);
const CLIP = String(FIRST_VAULT_MEDIA_ID + 1);

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
	price: 10,
	media: mediaEntries(PHOTO, CLIP),
	text: 'unlock me',
	...parameters,
});

async function run(
	provider: ProviderUnderTest,
	sim: OfAuthSimulator,
	parameters: INodeParameters,
	credentials?: ICredentialDataDecryptedObject,
) {
	return await runNode(
		{ ...parameters, authentication: provider.name },
		{ credentials: credentials ?? provider.credentials(sim) },
	);
}

/** One case: the node's fields, and the request each provider must receive. */
interface SendCase {
	what: string;
	parameters: INodeParameters;
	ofAuth: { path: string; body: IDataObject };
	onlyFansApi: { path: string; body: IDataObject };
}

const sendCases: SendCase[] = [
	{
		what: 'a text message',
		parameters: send({}),
		ofAuth: { path: `/v2/access/chats/${FAN}/messages`, body: { text: 'hello', isMarkdown: true } },
		onlyFansApi: { path: `/api/{account}/chats/${FAN}/messages`, body: { text: 'hello' } },
	},
	{
		what: 'a message with vault media, tags and release-form partners',
		parameters: send({
			media: mediaEntries(PHOTO),
			options: { userTags: '100010', releaseFormPartners: [9100001] },
		}),
		ofAuth: {
			path: `/v2/access/chats/${FAN}/messages`,
			body: {
				text: 'hello',
				isMarkdown: true,
				mediaItems: [Number(PHOTO)],
				userTags: [100010],
				releaseForms: { partners: [9100001] },
			},
		},
		onlyFansApi: {
			path: `/api/{account}/chats/${FAN}/messages`,
			body: { text: 'hello', mediaFiles: [PHOTO], rfTag: [100010], rfPartner: [9100001] },
		},
	},
	{
		what: 'a PPV: price, the first media as a free preview, locked text',
		parameters: ppv({ previewMediaCount: 1, options: { isLockedText: true } }),
		ofAuth: {
			path: `/v2/access/chats/${FAN}/messages`,
			body: {
				text: 'unlock me',
				isMarkdown: true,
				mediaItems: [Number(PHOTO), Number(CLIP)],
				price: 10,
				previewMediaCount: 1,
				isLockedText: true,
			},
		},
		onlyFansApi: {
			path: `/api/{account}/chats/${FAN}/messages`,
			body: {
				text: 'unlock me',
				mediaFiles: [PHOTO, CLIP],
				price: 10,
				previews: [PHOTO],
				lockedText: true,
			},
		},
	},
];

describe.each([OFAUTH, ONLYFANSAPI])('messaging with $name', (provider) => {
	const sim = useSimulator();
	const expectedPath = (path: string) => path.replace('{account}', accountIdOf(sim().connectionId));

	test.each(sendCases)(
		"sends $what exactly once, in the provider's own words",
		async (sendCase) => {
			const result = await run(provider, sim(), sendCase.parameters);
			expect(result.error).toBeUndefined();
			const expected = provider.name === 'ofAuthApi' ? sendCase.ofAuth : sendCase.onlyFansApi;
			const calls = provider.calls(sim());
			expect(calls.map((call) => [call.method, call.path, call.body])).toEqual([
				['POST', expectedPath(expected.path), expected.body],
			]);
			expect(sim().messagesSentTo(Number(FAN))).toBe(1);
			expect(result.output()[0].json).toMatchObject({
				text: expect.stringContaining(String(sendCase.parameters.text)),
			});
			if (provider.name === 'onlyFansApi') {
				expect(calls[0].headers.authorization).toBe(`Bearer ${sim().apiKey}`);
				expect(String(calls[0].headers['idempotency-key'])).toMatch(/^[0-9a-f-]{36}$/);
			}
		},
	);

	test('unsends a message', async () => {
		const sent = await run(provider, sim(), send({}));
		const messageId = String(sent.output()[0].json.id);
		const result = await run(provider, sim(), {
			resource: 'message',
			operation: 'unsend',
			fan: locator(FAN),
			messageId,
		});
		expect(result.error).toBeUndefined();
		const deletes = provider.calls(sim()).filter((call) => call.method === 'DELETE');
		expect(deletes.map((call) => call.path)).toEqual([
			provider.name === 'ofAuthApi'
				? `/v2/access/chats/${FAN}/messages/${messageId}`
				: `/api/${accountIdOf(sim().connectionId)}/chats/${FAN}/messages/${messageId}`,
		]);
	});

	test('reads the same messages and chats from the same world', async () => {
		const messages = await run(provider, sim(), {
			resource: 'message',
			operation: 'getMany',
			fan: locator(FAN),
			returnAll: false,
			limit: 25,
		});
		expect(messages.error).toBeUndefined();
		expect(messages.output()).toHaveLength(25);
		const chats = await run(provider, sim(), {
			resource: 'chat',
			operation: 'getMany',
			returnAll: false,
			limit: 30,
			simplify: true,
		});
		expect(chats.error).toBeUndefined();
		expect(chats.output()).toHaveLength(30);
		expect(chats.output()[0].json).toEqual(
			expect.objectContaining({ fanId: expect.any(Number), name: expect.any(String) }),
		);
		const firstIds = {
			messages: messages.output().map((item) => item.json.id),
			chats: chats.output().map((item) => item.json.fanId),
		};
		expect(firstIds).toEqual(
			await sameReadsWith(provider === OFAUTH ? ONLYFANSAPI : OFAUTH, sim()),
		);
	});
});

describe('chat media with both providers', () => {
	const sim = useSimulator();

	test('the same media entries, one per message that carries them, newest first', async () => {
		const media = async (provider: ProviderUnderTest) => {
			const result = await run(provider, sim(), {
				resource: 'chat',
				operation: 'getMedia',
				fan: locator(FAN),
				returnAll: true,
			});
			expect(result.error).toBeUndefined();
			return result
				.output()
				.map((item) => `${String(item.json.messageId)}:${String(item.json.id)}`);
		};
		const fromOfAuth = await media(OFAUTH);
		expect(fromOfAuth.length).toBeGreaterThan(0);
		expect(await media(ONLYFANSAPI)).toEqual(fromOfAuth);
	});
});

async function sameReadsWith(provider: ProviderUnderTest, sim: OfAuthSimulator) {
	const messages = await run(provider, sim, {
		resource: 'message',
		operation: 'getMany',
		fan: locator(FAN),
		returnAll: false,
		limit: 25,
	});
	const chats = await run(provider, sim, {
		resource: 'chat',
		operation: 'getMany',
		returnAll: false,
		limit: 30,
		simplify: true,
	});
	return {
		messages: messages.output().map((item) => item.json.id),
		chats: chats.output().map((item) => item.json.fanId),
	};
}

/** Bad input: refused before any request, for both providers (the model's checks) or for one (what it cannot take). */
const badInputs: Array<{
	what: string;
	parameters: INodeParameters;
	refusedBy: Array<'ofAuthApi' | 'onlyFansApi'>;
	error: RegExp;
}> = [
	{
		what: 'PPV price 1',
		parameters: ppv({ price: 1 }),
		refusedBy: ['ofAuthApi', 'onlyFansApi'],
		error: /^Invalid "Price \(USD\)" on item 0: must be from 3 to 200 USD/,
	},
	{
		what: 'PPV without media',
		parameters: ppv({ media: {} }),
		refusedBy: ['ofAuthApi', 'onlyFansApi'],
		error: /^Invalid "Media" on item 0: is empty/,
	},
	{
		what: 'fan "abc"',
		parameters: send({ fan: locator('={{ "abc" }}') }),
		refusedBy: ['ofAuthApi', 'onlyFansApi'],
		error: /^Invalid "Fan" on item 0/,
	},
	{
		what: 'Lock Text on a free message',
		parameters: send({ options: { isLockedText: true } }),
		refusedBy: ['ofAuthApi', 'onlyFansApi'],
		error: /^Invalid "Lock Text"/,
	},
	{
		what: 'a price with cents',
		parameters: ppv({ price: 9.99 }),
		refusedBy: ['onlyFansApi'],
		error: /^Invalid "Price \(USD\)" on item 0: is 9.99, but OnlyFansAPI.com takes whole dollars/,
	},
	{
		what: 'a media URL',
		parameters: send({ media: mediaEntries(['reference', 'https://example.com/a.jpg']) }),
		refusedBy: ['onlyFansApi'],
		error:
			/^Invalid "Media" on item 0: "https:\/\/example.com\/a.jpg" is a URL, but OnlyFansAPI.com takes no media URLs/,
	},
	{
		what: 'media without text',
		parameters: send({ text: '', media: mediaEntries(PHOTO) }),
		refusedBy: ['onlyFansApi'],
		error: /^Invalid "Text" on item 0: is empty, but OnlyFansAPI.com needs text/,
	},
	{
		what: 'an OFAuth upload reference',
		parameters: send({ media: mediaEntries(['reference', 'upload:2f0c1d3e-aaaa-bbbb']) }),
		refusedBy: ['onlyFansApi'],
		error: /is not a media ID of OnlyFansAPI.com/,
	},
	{
		what: 'an OnlyFansAPI.com upload ID',
		parameters: send({ media: mediaEntries(['reference', 'ofapi_media_abc123']) }),
		refusedBy: ['ofAuthApi'],
		error: /is not a media ID of OFAuth/,
	},
	{
		what: 'Forwarded',
		parameters: send({ options: { isForwardedMessage: true } }),
		refusedBy: ['onlyFansApi'],
		error: /^Invalid "Forwarded" on item 0: has no OnlyFansAPI.com equivalent/,
	},
];

describe.each([OFAUTH, ONLYFANSAPI])(
	'bad input with $name: refused before anything is sent',
	(provider) => {
		const sim = useSimulator();
		const refused = badInputs.filter((entry) => entry.refusedBy.includes(provider.name));

		test.each(refused)('$what', async ({ parameters, error }) => {
			const result = await run(provider, sim(), parameters);
			expect(result.error?.message).toMatch(error);
			expect(provider.calls(sim())).toHaveLength(0);
		});
	},
);

describe('OnlyFansAPI.com answers and failures', () => {
	const sim = useSimulator();

	test('an operation it does not offer (yet) stops before any request', async () => {
		const result = await run(ONLYFANSAPI, sim(), {
			resource: 'fan',
			operation: 'giveDiscount',
			fan: { __rl: true, mode: 'id', value: FAN },
			discountPercent: 10,
			discountMonths: 1,
		});
		expect(result.error?.message).toBe(
			'Give a fan a discount is not available with OnlyFansAPI.com',
		);
		expect(ONLYFANSAPI.calls(sim())).toHaveLength(0);
	});

	test('a send whose connection drops after the request is retried with the same Idempotency-Key and goes out once', async () => {
		sim().faults.dropNext(1, 'after', (request) => request.method === 'POST');
		const result = await run(ONLYFANSAPI, sim(), send({}));
		expect(result.error).toBeUndefined();
		const posts = ONLYFANSAPI.calls(sim()).filter((call) => call.method === 'POST');
		expect(posts).toHaveLength(2);
		expect(posts[1].headers['idempotency-key']).toBe(posts[0].headers['idempotency-key']);
		expect(sim().messagesSentTo(Number(FAN))).toBe(1);
	});

	test('a VALIDATION_ERROR names the field OnlyFansAPI.com complained about', async () => {
		sim().faults.failNext(1, 422, {
			body: {
				error: 'VALIDATION_ERROR',
				message: 'The text field is required.',
				errors: { text: ['The text field is required.'] },
			},
		});
		const result = await run(ONLYFANSAPI, sim(), send({}));
		expect(result.error?.message).toBe(
			'OnlyFansAPI.com refused "Text": The text field is required.',
		);
		expect((result.error as { description?: string }).description).toMatch(
			/^Fix "Text" \(The text field is required\.\) and run the node again\./,
		);
	});

	test('a 422 about mediaFiles.0 names the Media field, and keeps the API field in details', async () => {
		sim().faults.failNext(1, 422, {
			body: {
				error: 'VALIDATION_ERROR',
				message: 'The mediaFiles.0 field is invalid.',
				errors: { 'mediaFiles.0': ['The mediaFiles.0 field is invalid.'] },
			},
		});
		const result = await run(ONLYFANSAPI, sim(), send({}));
		expect(result.error?.message).toBe(
			'OnlyFansAPI.com refused "Media (entry 1)": The mediaFiles.0 field is invalid.',
		);
		expect((result.error as { context?: { field?: string } }).context?.field).toBe(
			'Media (entry 1)',
		);
		expect((result.error as { errorResponse?: { details?: string } }).errorResponse?.details).toBe(
			'mediaFiles.0: The mediaFiles.0 field is invalid.',
		);
	});

	test('out of credits: a clear error with the balance, not retried', async () => {
		sim().faults.failNext(1, 402, {
			body: { error: 'Insufficient credits', _meta: { _credits: { used: 0, balance: 0 } } },
		});
		const result = await run(ONLYFANSAPI, sim(), send({}));
		expect(result.error?.message).toBe(
			'OnlyFansAPI.com has no credits left for this request (balance: 0)',
		);
		expect(ONLYFANSAPI.calls(sim())).toHaveLength(1);
	});

	test('an account whose OnlyFans session expired says to reconnect it, not that the key is wrong', async () => {
		sim().faults.failNext(1, 401, {
			body: { error: 'The OnlyFans session of this account expired: reconnect it' },
		});
		const result = await run(ONLYFANSAPI, sim(), send({}));
		expect(result.error?.message).toBe('The OnlyFans session of this account has expired');
		expect((result.error as { description?: string }).description).toMatch(
			/^Re-link the OnlyFans account in the OnlyFansAPI.com dashboard/,
		);
	});

	test('Return All follows _pagination.next_page as given, and never to another host', async () => {
		const read = await run(ONLYFANSAPI, sim(), {
			resource: 'message',
			operation: 'getMany',
			fan: locator(FAN),
			returnAll: false,
			limit: 25,
		});
		expect(read.error).toBeUndefined();
		const pages = ONLYFANSAPI.calls(sim()).map((call) => call.query);
		expect(pages[0]).toEqual({ limit: '10' });
		expect(pages[1]).toEqual({ limit: '10', id: expect.stringMatching(/^\d+$/) }); // the API's own cursor, from next_page

		sim().clearRequests();
		sim().faults.failNext(1, 200, {
			body: {
				data: [{ id: 1, text: 'x' }],
				_pagination: { next_page: 'http://elsewhere.invalid/api/acct/chats/1/messages?id=1' },
			},
		});
		const elsewhere = await run(ONLYFANSAPI, sim(), {
			resource: 'message',
			operation: 'getMany',
			fan: locator(FAN),
			returnAll: true,
		});
		expect(elsewhere.error?.message).toBe(
			'OnlyFansAPI.com pointed to a next page on another host; it was not followed',
		);
		expect(sim().requests).toHaveLength(1);
	});

	test('a wrong key says where to get one, and the key appears nowhere', async () => {
		const result = await run(
			ONLYFANSAPI,
			sim(),
			send({}),
			onlyFansApiCredentials(sim(), { apiKey: 'ofapi_wrong_key' }),
		);
		expect(result.error?.message).toBe('OnlyFansAPI.com rejected the API key');
		expect((result.error as { description?: string }).description).toContain(
			'https://app.onlyfansapi.com/api-keys',
		);
		expect(JSON.stringify(result.run.data)).not.toContain('ofapi_wrong_key');
	});
});
