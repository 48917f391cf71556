import { createHash, randomBytes } from 'node:crypto';

import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { BinaryDataMode, BinaryDataSetup } from '../../harness/binaryData';
import { binaryItem, useBinaryDataMode } from '../../harness/binaryData';
import { runNode, runWorkflow, simulatorCredentials, useSimulator } from '../../harness';
import type { OfAuthSimulator, RecordedRequest } from '../../simulator';
import { FIRST_FAN_ID, startSimulator } from '../../simulator';

const PART = 64 * 1024;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const fastRetries = { maxRetries: 3, maxWaitSeconds: 0 };

function upload(extra: INodeParameters = {}): INodeParameters {
	return {
		resource: 'media',
		operation: 'upload',
		binaryPropertyName: 'data',
		requestSettings: fastRetries,
		...extra,
	};
}

const partPuts = (sim: OfAuthSimulator) =>
	sim.requests.filter((request) => request.method === 'PUT' && /\/parts\/\d+$/.test(request.path));
const partNumber = (request: RecordedRequest) => Number(/\/parts\/(\d+)$/.exec(request.path)![1]);
const calls = (sim: OfAuthSimulator, method: string, path: string) =>
	sim.requests.filter((request) => request.method === method && request.path === path);

async function photo(
	bytes: Buffer,
	fileName = 'beach.png',
	mimeType = 'image/png',
): Promise<INodeExecutionData> {
	return await binaryItem(bytes, { fileName, mimeType, json: { caption: 'hi' } });
}

describe.each<BinaryDataMode>(['default', 'filesystem'])(
	'Upload Media with binary data in %s mode',
	(mode) => {
		const simulator = useSimulator({
			fans: 20,
			vaultMedia: 10,
			upload: { partSize: PART, singleMaxBytes: PART },
		});
		let binary: BinaryDataSetup;
		beforeAll(async () => {
			binary = await useBinaryDataMode(mode);
		});
		afterAll(() => binary.cleanup());

		it(`stores the input the way n8n does in ${mode} mode`, async () => {
			const item = await photo(randomBytes(1000));
			if (mode === 'filesystem') {
				expect(item.binary!.data.id).toMatch(/^filesystem-v2:/);
				expect(item.binary!.data.data).toBe('filesystem-v2');
			} else {
				expect(item.binary!.data.id).toBeUndefined();
				expect(Buffer.from(item.binary!.data.data, 'base64')).toHaveLength(1000);
			}
		});

		it('uploads a small file with one PUT that finalises it', async () => {
			const sim = simulator();
			const bytes = randomBytes(40_000);
			const result = await runNode(upload(), {
				credentials: simulatorCredentials(sim),
				items: [await photo(bytes)],
			});

			expect(result.error).toBeUndefined();
			const [init] = calls(sim, 'POST', '/v2/access/uploads/init');
			expect(init.body).toEqual({ filename: 'beach.png', size: 40_000, contentType: 'image/png' });
			const record = sim.state.uploads[0];
			expect(record).toEqual(
				expect.objectContaining({
					uploadType: 'single',
					status: 'completed',
					sha256: sha256(bytes),
				}),
			);

			const put = calls(sim, 'PUT', `/v2/access/uploads/${record.mediaUploadId}`);
			expect(put).toHaveLength(1);
			expect(put[0].rawPath).toBe(`/v2/access/uploads/${encodeURIComponent(record.mediaUploadId)}`);
			expect(put[0].rawPath).toContain('upload%3A');
			expect(put[0].headers['content-type']).toBe('image/png');
			expect(put[0].bodySize).toBe(40_000);
			expect(calls(sim, 'POST', '/v2/access/uploads/complete')).toHaveLength(0);

			const [out] = result.output();
			expect(out.json).toEqual({
				mediaUploadId: record.mediaUploadId,
				mediaId: record.mediaId,
				duplicate: false,
				fileName: 'beach.png',
				contentType: 'image/png',
				size: 40_000,
				parts: 1,
				uploadType: 'single',
				ready: true,
				media: expect.objectContaining({ id: record.mediaId, type: 'photo', isReady: true }),
			});
			expect(out.json.mediaUploadId).toMatch(/^upload:[0-9a-f-]{36}$/);
			expect(out.binary).toBeUndefined();
			expect(out.pairedItem).toEqual({ item: 0 });
		});

		it('uploads a larger file part by part, every part the planned size, then completes it', async () => {
			const sim = simulator();
			const bytes = randomBytes(3 * PART + 1234);
			const result = await runNode(upload(), {
				credentials: simulatorCredentials(sim),
				items: [await photo(bytes, 'clip.mp4', 'video/mp4')],
			});

			expect(result.error).toBeUndefined();
			const record = sim.state.uploads[0];
			expect(record).toEqual(
				expect.objectContaining({
					uploadType: 'multipart',
					totalParts: 4,
					status: 'completed',
					partsReceived: [1, 2, 3, 4],
				}),
			);
			expect(record.sha256).toBe(sha256(bytes));

			const parts = partPuts(sim);
			expect(parts.map(partNumber)).toEqual([1, 2, 3, 4]);
			expect(parts.map((request) => request.bodySize)).toEqual([PART, PART, PART, 1234]);
			expect(parts.every((request) => request.status === 200)).toBe(true);
			expect(parts[0].rawPath).toBe(
				`/v2/access/uploads/${encodeURIComponent(record.mediaUploadId)}/parts/1`,
			);
			const complete = calls(sim, 'POST', '/v2/access/uploads/complete');
			expect(complete).toHaveLength(1);
			expect(complete[0].body).toEqual({ mediaUploadId: record.mediaUploadId });
			// complete comes after the last part
			expect(sim.requests.indexOf(complete[0])).toBeGreaterThan(sim.requests.indexOf(parts[3]));

			expect(result.output()[0].json).toEqual(
				expect.objectContaining({
					mediaUploadId: record.mediaUploadId,
					mediaId: record.mediaId,
					size: bytes.length,
					parts: 4,
					uploadType: 'multipart',
					contentType: 'video/mp4',
					media: expect.objectContaining({ id: record.mediaId, type: 'video' }),
				}),
			);
		});

		it('uploads one file per input item and pairs every output with its item', async () => {
			const sim = simulator();
			const files = [randomBytes(1000), randomBytes(2 * PART + 7), randomBytes(PART)];
			const items = await Promise.all(
				files.map(async (bytes, index) => await photo(bytes, `p${index}.jpg`, 'image/jpeg')),
			);
			const result = await runNode(upload(), { credentials: simulatorCredentials(sim), items });

			expect(result.error).toBeUndefined();
			expect(sim.state.uploads.map((record) => record.sha256)).toEqual(files.map(sha256));
			expect(
				result.output().map((out) => [out.json.fileName, out.json.parts, out.pairedItem]),
			).toEqual([
				['p0.jpg', 1, { item: 0 }],
				['p1.jpg', 3, { item: 1 }],
				['p2.jpg', 1, { item: 2 }],
			]);
		});

		it('sends a failed part again and still reassembles the exact file', async () => {
			const sim = simulator();
			const bytes = randomBytes(3 * PART + 99);
			sim.faults.failNext(1, 503, {
				headers: { 'Retry-After': '0' },
				match: (request) => request.method === 'PUT' && request.path.endsWith('/parts/2'),
			});
			sim.faults.dropNext(
				1,
				'before',
				(request) => request.method === 'PUT' && request.path.endsWith('/parts/3'),
			);
			const result = await runNode(upload(), {
				credentials: simulatorCredentials(sim),
				items: [await photo(bytes)],
			});

			expect(result.error).toBeUndefined();
			// parts go up several at once, so the attempts are compared part by part
			const parts = partPuts(sim);
			const statusesOf = (n: number) =>
				parts.filter((request) => partNumber(request) === n).map((request) => request.status);
			expect([1, 2, 3, 4].map(statusesOf)).toEqual([[200], [503, 200], [0, 200], [200]]);
			expect(
				parts.filter((request) => partNumber(request) === 2).map((request) => request.bodySize),
			).toEqual([expect.any(Number), PART]);
			expect(sim.state.uploads[0]).toEqual(
				expect.objectContaining({ status: 'completed', sha256: sha256(bytes) }),
			);
			expect(result.output()[0].json.parts).toBe(4);
		});

		it('stops when a part keeps failing, names the part and the reason, and never completes', async () => {
			const sim = simulator();
			sim.faults.failNext(10, 503, {
				headers: { 'Retry-After': '0' },
				match: (request) => request.method === 'PUT' && request.path.endsWith('/parts/3'),
			});
			const result = await runNode(
				upload({ requestSettings: { maxRetries: 2, maxWaitSeconds: 0 } }),
				{
					credentials: simulatorCredentials(sim),
					items: [await photo(randomBytes(3 * PART + 5))],
				},
			);

			expect(result.error?.message).toBe(
				`Upload part 3 of 4 (bytes ${2 * PART}-${3 * PART - 1}) failed: OFAuth or OnlyFans failed to answer (HTTP 503): Injected failure 503`,
			);
			const attempts = partPuts(sim).map(partNumber);
			expect(attempts.filter((n) => n === 3)).toHaveLength(3); // the first try and 2 retries
			expect([...new Set(attempts)].sort()).toEqual(expect.arrayContaining([1, 2, 3]));
			expect(attempts.every((n) => n <= 4)).toBe(true);
			expect(calls(sim, 'POST', '/v2/access/uploads/complete')).toHaveLength(0);
			expect(sim.state.uploads[0].status).toBe('initiated');
		});

		it('hands the upload reference to a Send PPV in the same workflow', async () => {
			const sim = simulator();
			const bytes = randomBytes(2 * PART + 10);
			const fanId = FIRST_FAN_ID + 3;
			const result = await runWorkflow({
				credentials: simulatorCredentials(sim),
				items: [await photo(bytes, 'teaser.jpg', 'image/jpeg')],
				steps: [
					{ name: 'Upload Media', parameters: upload() },
					{
						name: 'Send PPV',
						parameters: {
							resource: 'message',
							operation: 'sendPpv',
							fan: { __rl: true, mode: 'id', value: String(fanId) },
							price: 14.99,
							text: 'Just for you',
							media: {
								items: [
									{ item: { __rl: true, mode: 'reference', value: '={{ $json.mediaUploadId }}' } },
								],
							},
						},
					},
				],
			});

			expect(result.error).toBeUndefined();
			const record = sim.state.uploads[0];
			const [send] = calls(sim, 'POST', `/v2/access/chats/${fanId}/messages`);
			expect(send.body).toEqual(
				expect.objectContaining({
					mediaItems: [record.mediaUploadId],
					price: 14.99,
					text: 'Just for you',
				}),
			);
			expect(send.status).toBe(200);
			expect(record.status).toBe('consumed');
			const [message] = result.output('Send PPV');
			expect(message.json).toEqual(
				expect.objectContaining({
					price: 14.99,
					media: [expect.objectContaining({ id: record.mediaId })],
				}),
			);
			expect(message.pairedItem).toEqual({ item: 0 });
		});

		it('passes the binary on only when Include Binary is on', async () => {
			const sim = simulator();
			const item = await photo(randomBytes(5000));
			const result = await runNode(upload({ options: { includeBinary: true } }), {
				credentials: simulatorCredentials(sim),
				items: [item],
			});

			expect(result.error).toBeUndefined();
			const [out] = result.output();
			expect(out.binary?.data).toEqual(
				expect.objectContaining({ fileName: 'beach.png', mimeType: 'image/png' }),
			);
			if (mode === 'filesystem') expect(out.binary?.data.id).toBe(item.binary!.data.id);
			else expect(out.binary?.data.data).toBe(item.binary!.data.data);
		});

		it('finds a file already in the vault with Check Duplicate and uploads nothing', async () => {
			const sim = simulator();
			const bytes = randomBytes(2 * PART + 3);
			const first = await runNode(upload(), {
				credentials: simulatorCredentials(sim),
				items: [await photo(bytes)],
			});
			expect(first.error).toBeUndefined();
			sim.clearRequests();

			const again = await runNode(upload({ options: { checkDuplicate: true } }), {
				credentials: simulatorCredentials(sim),
				items: [await photo(bytes, 'copy.png')],
			});

			expect(again.error).toBeUndefined();
			expect(sim.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
				'POST /v2/access/uploads/check',
			]);
			expect(sim.requests[0].body).toEqual({ etag: sha256(bytes), size: bytes.length });
			const mediaId = first.output()[0].json.mediaId;
			expect(again.output()[0].json).toEqual(
				expect.objectContaining({
					duplicate: true,
					mediaId,
					mediaUploadId: String(mediaId),
					parts: 0,
					uploadType: 'existing',
				}),
			);
		});

		it('uploads a new file after Check Duplicate finds nothing', async () => {
			const sim = simulator();
			const bytes = randomBytes(PART + 1);
			const result = await runNode(upload({ options: { checkDuplicate: true } }), {
				credentials: simulatorCredentials(sim),
				items: [await photo(bytes)],
			});

			expect(result.error).toBeUndefined();
			expect(
				sim.requests.map(
					(request) => `${request.method} ${request.path.replace(/upload:[^/]+/, 'ID')}`,
				),
			).toEqual([
				'POST /v2/access/uploads/check',
				'POST /v2/access/uploads/init',
				'PUT /v2/access/uploads/ID/parts/1',
				'PUT /v2/access/uploads/ID/parts/2',
				'POST /v2/access/uploads/complete',
			]);
			expect(result.output()[0].json).toEqual(
				expect.objectContaining({ duplicate: false, parts: 2 }),
			);
			expect(sim.state.uploads[0].sha256).toBe(sha256(bytes));
		});

		it('uses File Name and Content Type from Options over the binary metadata', async () => {
			const sim = simulator();
			const item = await binaryItem(randomBytes(3000), {
				fileName: 'download.bin',
				mimeType: 'application/octet-stream',
			});
			const result = await runNode(
				upload({ options: { fileName: 'holiday.mov', contentType: 'video/quicktime' } }),
				{
					credentials: simulatorCredentials(sim),
					items: [item],
				},
			);

			expect(result.error).toBeUndefined();
			expect(calls(sim, 'POST', '/v2/access/uploads/init')[0].body).toEqual({
				filename: 'holiday.mov',
				size: 3000,
				contentType: 'video/quicktime',
			});
			expect(sim.state.uploads[0].sha256).not.toBeNull();
		});
	},
);

describe('Upload Media: wrong input is refused before any request', () => {
	const simulator = useSimulator({ fans: 5, vaultMedia: 3 });
	let binary: BinaryDataSetup;
	beforeAll(async () => {
		binary = await useBinaryDataMode('filesystem');
	});
	afterAll(() => binary.cleanup());

	it('names a missing binary property, the item and the fix', async () => {
		const sim = simulator();
		const withOther = await binaryItem(randomBytes(10), {
			fileName: 'a.png',
			mimeType: 'image/png',
			property: 'photo',
		});
		const result = await runNode(upload(), {
			credentials: simulatorCredentials(sim),
			items: [withOther],
		});

		expect(result.error?.name).toBe('NodeOperationError');
		expect((result.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(0);
		expect(result.error?.message).toBe(
			'Invalid "Input Binary Field" on item 0: the input item has no binary property "data" (it has: photo). Enter the name of the property that holds the file, or make sure the previous node outputs a file. (checked 1 item: nothing was sent)',
		);
		expect(sim.requests).toHaveLength(0);
	});

	it('uploads nothing when a later item is invalid: the first file is not sent, the error counts the items checked', async () => {
		const sim = simulator();
		const good = await binaryItem(randomBytes(100), { fileName: 'ok.png', mimeType: 'image/png' });
		const result = await runNode(upload(), {
			credentials: simulatorCredentials(sim),
			items: [good, { json: { id: 2 } }],
		});

		expect(result.error?.message).toMatch(
			/^Invalid "Input Binary Field" on item 1: .*it has no binary data at all.*\(checked 2 items: nothing was sent\)$/,
		);
		expect(sim.requests).toHaveLength(0);
	});

	it('says so when the item has no binary data at all, and Continue On Fail goes on with the next item', async () => {
		const sim = simulator();
		const good = await binaryItem(randomBytes(100), { fileName: 'ok.png', mimeType: 'image/png' });
		const result = await runNode(upload(), {
			credentials: simulatorCredentials(sim),
			items: [{ json: { id: 1 } }, good],
			continueOnFail: true,
		});

		expect(result.error).toBeUndefined();
		const [failed, uploaded] = result.output();
		expect(failed.json.error).toContain('it has no binary data at all');
		expect(failed.pairedItem).toEqual({ item: 0 });
		expect(uploaded.json.size).toBe(100);
		expect(uploaded.pairedItem).toEqual({ item: 1 });
		expect(
			sim.requests.filter((request) => request.path === '/v2/access/uploads/init'),
		).toHaveLength(1);
	});

	it('refuses a file that is not a photo, video or audio unless Content Type says otherwise', async () => {
		const sim = simulator();
		const text = await binaryItem(Buffer.from('hello'), {
			fileName: 'notes.txt',
			mimeType: 'text/plain',
		});
		const result = await runNode(upload(), {
			credentials: simulatorCredentials(sim),
			items: [text],
		});

		expect(result.error?.message).toBe(
			'Invalid "Content Type" on item 0: The MIME type of binary property "data" is "text/plain", but the OnlyFans vault takes photos, videos and audio only. Set Options > Content Type (e.g. image/jpeg) if the file really is one. (checked 1 item: nothing was sent)',
		);
		expect(sim.requests).toHaveLength(0);
	});

	it('refuses an empty file', async () => {
		const sim = simulator();
		const empty = await binaryItem(Buffer.alloc(0), {
			fileName: 'empty.jpg',
			mimeType: 'image/jpeg',
		});
		const result = await runNode(upload(), {
			credentials: simulatorCredentials(sim),
			items: [empty],
		});

		expect(result.error?.message).toContain('is empty (0 bytes)');
		expect(sim.requests).toHaveLength(0);
	});
});

describe('Upload Media with the older header-style plan', () => {
	let sim: OfAuthSimulator;
	let binary: BinaryDataSetup;
	beforeAll(async () => {
		sim = await startSimulator({
			fans: 5,
			vaultMedia: 3,
			upload: { partSize: PART, singleMaxBytes: PART, planStyle: 'headers' },
		});
		binary = await useBinaryDataMode('filesystem');
	});
	beforeEach(() => sim.reset());
	afterAll(async () => {
		await sim.close();
		binary.cleanup();
	});

	it('follows x-ofauth-upload-total-parts and x-ofauth-upload-part-size', async () => {
		const bytes = randomBytes(2 * PART + 500);
		const result = await runNode(upload(), {
			credentials: simulatorCredentials(sim),
			items: [await photo(bytes)],
		});

		expect(result.error).toBeUndefined();
		const [init] = calls(sim, 'POST', '/v2/access/uploads/init');
		expect(init.status).toBe(200);
		expect(partPuts(sim).map((request) => request.bodySize)).toEqual([PART, PART, 500]);
		expect(sim.state.uploads[0]).toEqual(
			expect.objectContaining({ status: 'completed', sha256: sha256(bytes) }),
		);
		expect(result.output()[0].json).toEqual(
			expect.objectContaining({ parts: 3, uploadType: 'multipart' }),
		);
	});

	it('sends a small file in one PUT when the headers plan one part', async () => {
		const bytes = randomBytes(PART - 1);
		const result = await runNode(upload(), {
			credentials: simulatorCredentials(sim),
			items: [await photo(bytes)],
		});

		expect(result.error).toBeUndefined();
		expect(partPuts(sim)).toHaveLength(0);
		expect(sim.state.uploads[0]).toEqual(
			expect.objectContaining({ uploadType: 'single', sha256: sha256(bytes) }),
		);
		expect(result.output()[0].json).toEqual(
			expect.objectContaining({ parts: 1, uploadType: 'single' }),
		);
	});
});

describe('Upload Media: Wait Until Ready', () => {
	let sim: OfAuthSimulator;
	let binary: BinaryDataSetup;
	beforeAll(async () => {
		sim = await startSimulator({
			fans: 5,
			vaultMedia: 3,
			upload: { partSize: PART, readyAfterPolls: 3 },
		});
		binary = await useBinaryDataMode('default');
	});
	beforeEach(() => sim.reset());
	afterAll(async () => {
		await sim.close();
		binary.cleanup();
	});

	it('polls the vault until the media is ready, then outputs it', async () => {
		const result = await runNode(
			upload({ options: { waitUntilReady: true, pollIntervalSeconds: 0 } }),
			{
				credentials: simulatorCredentials(sim),
				items: [await photo(randomBytes(2000))],
			},
		);

		expect(result.error).toBeUndefined();
		const polls = calls(sim, 'GET', '/v2/access/vault/media');
		expect(polls).toHaveLength(3);
		expect(polls[0].query).toEqual({
			limit: '40',
			offset: '0',
			sortBy: 'recent',
			sortDirection: 'desc',
		});
		const [out] = result.output();
		expect(out.json).toEqual(
			expect.objectContaining({
				ready: true,
				mediaId: sim.state.uploads[0].mediaId,
				media: expect.objectContaining({ isReady: true }),
			}),
		);
	});

	it('reports a media that is not ready in time', async () => {
		const result = await runNode(upload({ options: { waitUntilReady: false } }), {
			credentials: simulatorCredentials(sim),
			items: [await photo(randomBytes(2000))],
		});
		expect(result.output()[0].json.ready).toBe(false);

		const slow = await runNode(
			upload({
				options: { waitUntilReady: true, waitTimeoutSeconds: 0.05, pollIntervalSeconds: 1 },
			}),
			{
				credentials: simulatorCredentials(sim),
				items: [await photo(randomBytes(2000))],
			},
		);
		const mediaId = sim.state.uploads[1].mediaId;
		expect(slow.error?.message).toBe(
			`The uploaded media ${mediaId} was not ready after 0.05 seconds`,
		);
		expect(calls(sim, 'GET', '/v2/access/vault/media').length).toBeGreaterThan(0);
		expect(sim.state.vaultMedia.find((media) => media.id === mediaId)?.isReady).toBe(false);
	});
});
