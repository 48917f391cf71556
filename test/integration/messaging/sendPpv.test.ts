import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runNode, simulatorCredentials, uploadInSimulator, useSimulator } from '../../harness';
import { FIRST_FAN_ID, FIRST_VAULT_MEDIA_ID } from '../../simulator';
import { apiRequests, locator, mediaEntries, pairedItems } from './helpers';

const FAN = FIRST_FAN_ID + 20;
const PHOTO = FIRST_VAULT_MEDIA_ID;

function ppv(parameters: INodeParameters): INodeParameters {
	return { resource: 'message', operation: 'sendPpv', fan: locator(String(FAN)), ...parameters };
}

describe('Message > Send PPV: the exact body OFAuth receives', () => {
	const sim = useSimulator();
	const run = async (parameters: INodeParameters, items?: INodeExecutionData[]) =>
		await runNode(ppv(parameters), { credentials: simulatorCredentials(sim()), items });
	const sentBodies = () => apiRequests(sim(), 'POST').map((request) => request.body);

	test('price with cents, two media, the first one a free preview', async () => {
		const result = await run({
			price: 9.99,
			previewMediaCount: 1,
			media: mediaEntries(String(PHOTO), String(PHOTO + 1)),
			text: 'Exclusive content just for you 💋',
		});
		expect(result.error).toBeUndefined();
		const posts = apiRequests(sim(), 'POST');
		expect(posts.map((request) => request.path)).toEqual([`/v2/access/chats/${FAN}/messages`]);
		expect(posts[0].body).toEqual({
			text: 'Exclusive content just for you 💋',
			isMarkdown: true,
			mediaItems: [PHOTO, PHOTO + 1],
			price: 9.99,
			previewMediaCount: 1,
		});
		const output = result.output();
		expect(output[0].json).toMatchObject({
			price: 9.99,
			isFree: false,
			previews: [PHOTO],
			mediaCount: 2,
		});
		expect(pairedItems(output)).toEqual([0]);
		expect(sim().messagesSentTo(FAN)).toBe(1);
	});

	test('the default preview count 0 is sent; media only, no text', async () => {
		await run({ price: 5, media: mediaEntries(String(PHOTO)) });
		expect(sentBodies()).toEqual([
			{ isMarkdown: true, mediaItems: [PHOTO], price: 5, previewMediaCount: 0 },
		]);
	});

	test('the price limits 3 and 200 are allowed; preview count may equal the media count', async () => {
		await run({
			price: 3,
			previewMediaCount: 2,
			media: mediaEntries(String(PHOTO), String(PHOTO + 2)),
			text: 'a',
		});
		await run({ price: 200, media: mediaEntries(String(PHOTO)), text: 'b' });
		expect(sentBodies()).toEqual([
			{
				text: 'a',
				isMarkdown: true,
				mediaItems: [PHOTO, PHOTO + 2],
				price: 3,
				previewMediaCount: 2,
			},
			{ text: 'b', isMarkdown: true, mediaItems: [PHOTO], price: 200, previewMediaCount: 0 },
		]);
	});

	test('price, preview count, fan and media from the input item (text such as "12.50" from a sheet)', async () => {
		const { reference: upload } = await uploadInSimulator(sim());
		const result = await run(
			{
				fan: locator('={{ $json.fan }}', 'id'),
				price: '={{ $json.price }}',
				previewMediaCount: '={{ $json.previews }}',
				options: { mediaList: '={{ $json.media }}' },
				text: '=For you, {{ $json.name }}',
			},
			[
				{
					json: {
						fan: '100030',
						price: '12.50',
						previews: '1',
						media: [upload, PHOTO + 3],
						name: 'Dana',
					},
				},
			],
		);
		expect(result.error).toBeUndefined();
		expect(apiRequests(sim(), 'POST').map((request) => [request.path, request.body])).toEqual([
			[
				'/v2/access/chats/100030/messages',
				{
					text: 'For you, Dana',
					isMarkdown: true,
					mediaItems: [upload, PHOTO + 3],
					price: 12.5,
					previewMediaCount: 1,
				},
			],
		]);
	});

	test('everything Send Message has: locked text, reply to, tags, release forms, forwarded, Markdown off, URL media', async () => {
		await run({
			price: 25,
			previewMediaCount: 1,
			media: mediaEntries(
				['reference', 'https://example.com/teaser.jpg'],
				['list', String(PHOTO + 4)],
			),
			text: 'Unlock me',
			options: {
				isLockedText: true,
				isMarkdown: false,
				replyToMessageId: '77',
				userTags: [100040],
				releaseFormUsers: '9100004',
				releaseFormPartners: [9100001],
				releaseFormGuests: '9100003, 9100005',
				isForwardedMessage: true,
			},
		});
		expect(sentBodies()).toEqual([
			{
				text: 'Unlock me',
				isMarkdown: false,
				mediaItems: ['https://example.com/teaser.jpg', PHOTO + 4],
				price: 25,
				previewMediaCount: 1,
				isLockedText: true,
				replyToMessageId: '77',
				userTags: [100040],
				releaseForms: { users: [9100004], partners: [9100001], guests: [9100003, 9100005] },
				isForwardedMessage: true,
			},
		]);
	});
});
