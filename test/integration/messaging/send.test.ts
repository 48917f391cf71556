import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runNode, simulatorCredentials, uploadInSimulator, useSimulator } from '../../harness';
import { FIRST_FAN_ID, FIRST_VAULT_MEDIA_ID, SECOND_CONNECTION_ID } from '../../simulator';
import { apiRequests, locator, mediaEntries, pairedItems } from './helpers';

const FAN = FIRST_FAN_ID + 1;
const PHOTO = FIRST_VAULT_MEDIA_ID;

function send(parameters: INodeParameters): INodeParameters {
	return { resource: 'message', operation: 'send', fan: locator(String(FAN)), ...parameters };
}

describe('Message > Send: the exact body OFAuth receives', () => {
	const sim = useSimulator();
	const run = async (parameters: INodeParameters, items?: INodeExecutionData[]) =>
		await runNode(send(parameters), { credentials: simulatorCredentials(sim()), items });
	const sentBodies = () => apiRequests(sim(), 'POST').map((request) => request.body);

	test('text only: multi-line text kept as written, Markdown on by default, output is the message OFAuth returned', async () => {
		const text = 'Hey! Thanks for subscribing 💕\nLine two **bold**';
		const result = await run({ text });
		expect(result.error).toBeUndefined();
		const posts = apiRequests(sim(), 'POST');
		expect(posts).toHaveLength(1);
		expect(posts[0].path).toBe(`/v2/access/chats/${FAN}/messages`);
		expect(posts[0].headers['x-connection-id']).toBe(sim().connectionId);
		expect(posts[0].body).toEqual({ text, isMarkdown: true });

		const stored = sim()
			.state.chats.find((chat) => chat.withUserId === FAN)!
			.messages.at(-1)!;
		const output = result.output();
		expect(output).toHaveLength(1);
		expect(output[0].json).toMatchObject({
			id: stored.id,
			text,
			isMarkdown: true,
			price: 0,
			isFree: true,
			fromUser: { id: 9000001 },
		});
		expect(pairedItems(output)).toEqual([0]);
		expect(sim().messagesSentTo(FAN)).toBe(1);
	});

	test('Markdown off sends isMarkdown false', async () => {
		await run({ text: 'plain *not italic*', options: { isMarkdown: false } });
		expect(sentBodies()).toEqual([{ text: 'plain *not italic*', isMarkdown: false }]);
	});

	test('text of exactly 10,000 characters is sent whole', async () => {
		const text = 'x'.repeat(10_000);
		const result = await run({ text });
		expect(result.error).toBeUndefined();
		expect(sentBodies()).toEqual([{ text, isMarkdown: true }]);
	});

	test('media from the vault picker, a typed vault ID, an upload reference and a URL, in order', async () => {
		const { reference: upload } = await uploadInSimulator(sim());
		const url = 'https://example.com/photos/beach.jpg';
		const result = await run({
			text: 'look',
			media: mediaEntries(
				['list', String(PHOTO + 1)],
				['id', String(PHOTO + 2)],
				['reference', upload],
				['reference', url],
			),
		});
		expect(result.error).toBeUndefined();
		expect(sentBodies()).toEqual([
			{ text: 'look', isMarkdown: true, mediaItems: [PHOTO + 1, PHOTO + 2, upload, url] },
		]);
		const json = result.output()[0].json as { media: Array<{ id: number }>; mediaCount: number };
		expect(json.mediaCount).toBe(4);
		expect(json.media.slice(0, 2).map((media) => media.id)).toEqual([PHOTO + 1, PHOTO + 2]);
		expect(sim().state.uploads.find((entry) => entry.mediaUploadId === upload)?.status).toBe(
			'consumed',
		);
	});

	test('media only (no text) is a valid message', async () => {
		await run({ media: mediaEntries(String(PHOTO)) });
		expect(sentBodies()).toEqual([{ isMarkdown: true, mediaItems: [PHOTO] }]);
	});

	test('media from an expression that returns an array: Options > Media List and a media entry', async () => {
		const { reference: upload } = await uploadInSimulator(sim());
		const result = await run(
			{
				text: 'set',
				media: mediaEntries(['reference', '={{ $json.more }}']),
				options: { mediaList: '={{ $json.mediaIds }}' },
			},
			[
				{
					json: {
						more: [PHOTO + 7, 'https://cdn.example.com/a.mp4'],
						mediaIds: [PHOTO + 3, String(PHOTO + 4), upload],
					},
				},
			],
		);
		expect(result.error).toBeUndefined();
		expect(sentBodies()).toEqual([
			{
				text: 'set',
				isMarkdown: true,
				mediaItems: [PHOTO + 7, 'https://cdn.example.com/a.mp4', PHOTO + 3, PHOTO + 4, upload],
			},
		]);
	});

	test('Media List as comma-separated text, e.g. from a sheet cell', async () => {
		await run({
			text: 'x',
			options: { mediaList: `${PHOTO + 5}, https://example.com/v.mp4 ,${PHOTO + 6}` },
		});
		expect(sentBodies()).toEqual([
			{
				text: 'x',
				isMarkdown: true,
				mediaItems: [PHOTO + 5, 'https://example.com/v.mp4', PHOTO + 6],
			},
		]);
	});

	test('every option of a free message: reply to, tags, release forms (users, partners, guests), forwarded', async () => {
		const result = await run(
			{
				text: 'with everything',
				media: mediaEntries(String(PHOTO)),
				options: {
					replyToMessageId: '42',
					userTags: '100010, 100011',
					releaseFormUsers: '={{ $json.users }}',
					releaseFormPartners: [9100001, 9100002],
					releaseFormGuests: '9100003',
					isForwardedMessage: true,
				},
			},
			[{ json: { users: [9100004] } }],
		);
		expect(result.error).toBeUndefined();
		expect(sentBodies()).toEqual([
			{
				text: 'with everything',
				isMarkdown: true,
				mediaItems: [PHOTO],
				replyToMessageId: '42',
				userTags: [100010, 100011],
				releaseForms: { users: [9100004], partners: [9100001, 9100002], guests: [9100003] },
				isForwardedMessage: true,
			},
		]);
		expect(result.output()[0].json).toMatchObject({
			lockedText: false,
			replyToMessageId: '42',
			isForwardedMessage: true,
			userTags: [100010, 100011],
			releaseForms: { users: [9100004], partners: [9100001, 9100002], guests: [9100003] },
		});
	});

	test('options switched off are left out of the body; one release-form group alone is sent alone', async () => {
		await run({
			text: 'x',
			options: {
				isLockedText: false,
				isForwardedMessage: false,
				userTags: '',
				releaseFormPartners: ['9100002'],
			},
		});
		expect(sentBodies()).toEqual([
			{ text: 'x', isMarkdown: true, releaseForms: { partners: [9100002] } },
		]);
	});

	test('the fan by list, by user ID and by chat URL', async () => {
		await runNode(send({ fan: locator('100002', 'list'), text: 'a' }), {
			credentials: simulatorCredentials(sim()),
		});
		await runNode(send({ fan: locator(' 100003 ', 'id'), text: 'b' }), {
			credentials: simulatorCredentials(sim()),
		});
		await runNode(
			send({ fan: locator('https://onlyfans.com/my/chats/chat/100004/', 'url'), text: 'c' }),
			{
				credentials: simulatorCredentials(sim()),
			},
		);
		await runNode(
			send({ fan: locator('https://onlyfans.com/my/chats/chat/100005', 'url'), text: 'd' }),
			{
				credentials: simulatorCredentials(sim()),
			},
		);
		expect(apiRequests(sim(), 'POST').map((request) => request.path)).toEqual([
			'/v2/access/chats/100002/messages',
			'/v2/access/chats/100003/messages',
			'/v2/access/chats/100004/messages',
			'/v2/access/chats/100005/messages',
		]);
		expect([100002, 100003, 100004, 100005].map((fan) => sim().messagesSentTo(fan))).toEqual([
			1, 1, 1, 1,
		]);
	});

	test('the fan and the text from each input item (a CRM row or a sheet): number, digits or chat URL', async () => {
		const rows = [
			{ fanId: 100006, name: 'Ann' },
			{ fanId: '100007', name: 'Bob' },
			{ fanId: 'https://onlyfans.com/my/chats/chat/100008/', name: 'Cy' },
		];
		const result = await runNode(
			send({ fan: locator('={{ $json.fanId }}', 'id'), text: '=Hi {{ $json.name }}!' }),
			{
				credentials: simulatorCredentials(sim()),
				items: rows.map((json) => ({ json })),
			},
		);
		expect(result.error).toBeUndefined();
		expect(apiRequests(sim(), 'POST').map((request) => [request.path, request.body])).toEqual([
			['/v2/access/chats/100006/messages', { text: 'Hi Ann!', isMarkdown: true }],
			['/v2/access/chats/100007/messages', { text: 'Hi Bob!', isMarkdown: true }],
			['/v2/access/chats/100008/messages', { text: 'Hi Cy!', isMarkdown: true }],
		]);
		const output = result.output();
		expect(output.map((item) => item.json.text)).toEqual(['Hi Ann!', 'Hi Bob!', 'Hi Cy!']);
		expect(pairedItems(output)).toEqual([0, 1, 2]);
	});

	test('a chat URL from an expression in URL mode is read by its extractValue pattern', async () => {
		await runNode(send({ fan: locator('={{ $json.link }}', 'url'), text: 'u' }), {
			credentials: simulatorCredentials(sim()),
			items: [{ json: { link: 'https://onlyfans.com/my/chats/chat/100009/?from=crm' } }],
		});
		expect(apiRequests(sim(), 'POST').map((request) => request.path)).toEqual([
			'/v2/access/chats/100009/messages',
		]);
	});

	test('the Connection field picks the OnlyFans account (x-connection-id) over the credential default', async () => {
		await run({ text: 'x', connection: locator(SECOND_CONNECTION_ID, 'id') });
		expect(apiRequests(sim(), 'POST')[0].headers['x-connection-id']).toBe(SECOND_CONNECTION_ID);
	});
});
