import { randomBytes } from 'node:crypto';

import type { INodeParameters } from 'n8n-workflow';

import { onlyFansApiCredentials, runNode, simulatorCredentials, useSimulator } from '../../harness';
import { binaryItem } from '../../harness/binaryData';
import { FIRST_VAULT_MEDIA_ID } from '../../simulator';
import { locator, mediaEntries } from '../messaging/helpers';

/**
 * Simplify (node version 1.1, on by default): Send, Send PPV, Create Mass Message and Upload output
 * the fields a workflow uses next, flat, for both services. Version 1 nodes keep the whole answer.
 */
const FAN = '100070';
const PHOTO = String(FIRST_VAULT_MEDIA_ID);
const CLIP = String(FIRST_VAULT_MEDIA_ID + 1);
const send: INodeParameters = {
	resource: 'message',
	operation: 'send',
	fan: locator(FAN),
	text: 'hi',
};
const ppv: INodeParameters = {
	resource: 'message',
	operation: 'sendPpv',
	fan: locator(FAN),
	price: 12.5,
	media: mediaEntries(PHOTO, CLIP),
	text: 'unlock me',
};
const MESSAGE_KEYS = ['createdAt', 'fanId', 'free', 'mediaCount', 'messageId', 'price', 'queueId'];

describe.each([
	['ofAuthApi', simulatorCredentials],
	['onlyFansApi', onlyFansApiCredentials],
] as const)('Simplify with %s', (authentication, credentialsOf) => {
	const sim = useSimulator({ fans: 100, vaultMedia: 5 });
	const run = async (parameters: INodeParameters, typeVersion?: number) =>
		await runNode(
			{ ...parameters, authentication },
			{ credentials: credentialsOf(sim()), typeVersion },
		);

	it('a new Send node outputs the message ID, fan, price, media count, free, queue ID and time', async () => {
		const result = await run(send, 1.1);
		expect(result.error).toBeUndefined();
		const [out] = result.output();
		expect(Object.keys(out.json).sort()).toEqual(MESSAGE_KEYS);
		expect(out.json).toEqual(
			expect.objectContaining({ fanId: FAN, price: 0, mediaCount: 0, free: true }),
		);
		expect(out.json.messageId).toEqual(expect.anything());
		expect(out.pairedItem).toEqual({ item: 0 });
	});

	it('a new Send PPV node says the price, the media count and that it is paid', async () => {
		const price = authentication === 'onlyFansApi' ? 12 : 12.5; // OnlyFansAPI.com: whole dollars
		const result = await run({ ...ppv, price }, 1.1);
		expect(result.error).toBeUndefined();
		expect(result.output()[0].json).toEqual(
			expect.objectContaining({ fanId: FAN, price, mediaCount: 2, free: false }),
		);
	});

	it('Simplify off, and every version 1 node, output the whole message as before', async () => {
		for (const result of [await run({ ...send, simplify: false }, 1.1), await run(send)]) {
			expect(result.error).toBeUndefined();
			const [out] = result.output();
			expect(out.json).toEqual(expect.objectContaining({ id: expect.anything(), text: 'hi' }));
			expect(out.json).not.toHaveProperty('messageId');
		}
	});

	it('a new Create Mass Message node outputs the mass message ID and counts', async () => {
		const result = await run(
			{ resource: 'massMessage', operation: 'create', text: 'to a few', userIds: '100001,100002' },
			1.1,
		);
		expect(result.error).toBeUndefined();
		const [out] = result.output();
		expect(Object.keys(out.json).sort()).toEqual(
			['date', 'hasError', 'isDone', 'massMessageId', 'pending', 'sendsAt', 'total'].sort(),
		);
		expect(out.json.massMessageId).toEqual(expect.anything());
		expect(out.json.sendsAt).toBe('now');
	});
});

describe('Simplify on Upload Media (OFAuth)', () => {
	const sim = useSimulator({ fans: 5, vaultMedia: 3 });

	it('a new Upload node outputs the upload reference without the nested vault media', async () => {
		const item = await binaryItem(randomBytes(2000), { fileName: 'a.jpg', mimeType: 'image/jpeg' });
		const parameters = { resource: 'media', operation: 'upload' };
		const simplified = await runNode(parameters, {
			credentials: simulatorCredentials(sim()),
			items: [item],
			typeVersion: 1.1,
		});
		expect(simplified.error).toBeUndefined();
		const [out] = simplified.output();
		expect(out.json).not.toHaveProperty('media');
		expect(out.json).toEqual(
			expect.objectContaining({
				mediaUploadId: expect.any(String),
				fileName: 'a.jpg',
				size: 2000,
				mediaType: expect.any(String),
			}),
		);

		const whole = await runNode(parameters, {
			credentials: simulatorCredentials(sim()),
			items: [item],
		});
		expect(whole.output()[0].json).toHaveProperty('media');
	});
});
