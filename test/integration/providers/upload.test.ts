import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';

import { onlyFansApiCredentials, runNode, runWorkflow, useSimulator } from '../../harness';
import { binaryItem, useBinaryDataMode, type BinaryDataSetup } from '../../harness/binaryData';
import { locator } from '../messaging/helpers';

/**
 * Upload Media with OnlyFansAPI.com: one multipart POST /media/upload (`file`, or `file_url` that the
 * provider fetches itself), and its single-use ofapi_media_... ID straight into Send PPV.
 */
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const upload = (parameters: Record<string, unknown> = {}) => ({
	resource: 'media',
	operation: 'upload',
	authentication: 'onlyFansApi',
	...parameters,
});

describe('Upload Media with OnlyFansAPI.com', () => {
	const sim = useSimulator({ fans: 5, vaultMedia: 3 });
	let binary: BinaryDataSetup;
	let files: Server;
	let filesUrl = '';
	let downloads = 0;
	const photo = randomBytes(300_000);
	beforeAll(async () => {
		binary = await useBinaryDataMode('filesystem');
		files = createServer((_req, res) => {
			downloads++;
			res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': String(photo.length) });
			res.end(photo);
		});
		await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
		filesUrl = `http://127.0.0.1:${(files.address() as { port: number }).port}/beach.jpg`;
	});
	afterAll(async () => {
		binary.cleanup();
		await new Promise((resolve) => files.close(resolve));
	});

	test('a binary file goes in one multipart request; the exact bytes arrive; the ID sends a PPV once', async () => {
		const item = await binaryItem(photo, { fileName: 'beach.jpg', mimeType: 'image/jpeg' });
		const result = await runWorkflow({
			credentials: onlyFansApiCredentials(sim()),
			items: [item],
			steps: [
				{ name: 'Upload', parameters: upload() },
				{
					name: 'Send PPV',
					parameters: {
						resource: 'message',
						operation: 'sendPpv',
						authentication: 'onlyFansApi',
						fan: locator('100002'),
						price: 12,
						text: 'new photo',
						options: { mediaList: '={{ $json.mediaUploadId }}' },
					},
				},
			],
		});
		expect(result.error).toBeUndefined();
		const [received] = sim().onlyFansApiUploads();
		expect({ size: received.size, sha256: received.sha256, fileName: received.fileName }).toEqual({
			size: photo.length,
			sha256: sha256(photo),
			fileName: 'beach.jpg',
		});
		expect(result.output('Upload')[0].json).toMatchObject({
			mediaUploadId: received.prefixedId,
			uploadType: 'single-request',
		});
		const posts = sim()
			.requests.filter((request) => request.method === 'POST')
			.map((request) => request.path);
		expect(posts).toEqual([
			`/api/acct_sim_active/media/upload`,
			`/api/acct_sim_active/chats/100002/messages`,
		]);
		expect(sim().requests[1].body).toMatchObject({ mediaFiles: [received.prefixedId], price: 12 });
		expect(received.used).toBe(true);
	});

	test('a URL source is sent as file_url: n8n downloads nothing, the provider fetches it', async () => {
		const before = downloads;
		const result = await runNode(upload({ source: 'url', url: filesUrl }), {
			credentials: onlyFansApiCredentials(sim()),
		});
		expect(downloads - before).toBe(1); // the simulator's fetch, as the provider's
		expect(result.error).toBeUndefined();
		const [received] = sim().onlyFansApiUploads();
		expect({ fromUrl: received.fromUrl, sha256: received.sha256 }).toEqual({
			fromUrl: filesUrl,
			sha256: sha256(photo),
		});
	});

	test('a file over 100 MB, Check Duplicate or Wait Until Ready stop the item before anything is sent', async () => {
		const big = await binaryItem(Buffer.alloc(100_000_001), {
			fileName: 'long.mp4',
			mimeType: 'video/mp4',
		});
		const tooBig = await runNode(upload(), {
			credentials: onlyFansApiCredentials(sim()),
			items: [big],
		});
		expect(tooBig.error?.message).toMatch(
			/^Invalid "Input Binary Field" on item 0: the file "long.mp4" has 100000001 bytes, but OnlyFansAPI.com takes at most 100 MB in one upload/,
		);
		const item = await binaryItem(photo, { fileName: 'a.jpg', mimeType: 'image/jpeg' });
		const duplicate = await runNode(upload({ options: { checkDuplicate: true } }), {
			credentials: onlyFansApiCredentials(sim()),
			items: [item],
		});
		expect(duplicate.error?.message).toMatch(
			/^Invalid "Check Duplicate" on item 0: has no OnlyFansAPI.com equivalent/,
		);
		expect(sim().requests).toHaveLength(0);
	});
});
