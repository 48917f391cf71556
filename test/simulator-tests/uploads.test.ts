import { createHash, randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { startSimulator, type OfAuthSimulator } from '../simulator';
import {
	client,
	expectErrorShape,
	type ErrorBody,
	type MediaView,
	type MessageView,
	type Page,
	type UploadFinished,
	type UploadPart,
	type UploadPlan,
} from './helpers';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const PART = 64 * 1024;

describe('simulator: uploads', () => {
	let sim: OfAuthSimulator;
	let c: ReturnType<typeof client>;
	beforeAll(async () => {
		sim = await startSimulator({ seed: 1, upload: { partSize: PART, singleMaxBytes: PART } });
		c = client(sim);
	});
	afterAll(() => sim.close());
	beforeEach(() => sim.reset());

	const relPath = (url: string) => url.slice(sim.baseUrl.length);

	test('single upload: init plan, PUT finalises, sha256 recorded, reference usable once', async () => {
		const bytes = randomBytes(10_000);
		const init = await c.post<UploadPlan>('/v2/access/uploads/init', {
			filename: 'pic.jpg',
			size: bytes.length,
			contentType: 'image/jpeg',
		});
		expect(init.status).toBe(200);
		expect(init.body).toEqual(
			expect.objectContaining({
				mediaUploadId: expect.stringMatching(/^upload:[0-9a-f-]{36}$/),
				uploadType: 'single',
				totalParts: 1,
				parts: [
					expect.objectContaining({
						partNumber: 1,
						byteRange: { start: 0, end: bytes.length - 1 },
					}),
				],
				completeUrl: `${sim.baseUrl}/v2/access/uploads/complete`,
				expiresAt: expect.any(String),
			}),
		);
		const id: string = init.body.mediaUploadId;
		expect(init.body.uploadUrl).toBe(`${sim.baseUrl}/v2/access/uploads/${encodeURIComponent(id)}`);
		const put = await c.put<UploadFinished>(relPath(init.body.uploadUrl!), bytes, {
			'content-type': 'image/jpeg',
		});
		expect(put.status).toBe(200);
		expect(put.body.mediaUploadId).toBe(id);
		expect(put.body.media).toEqual(
			expect.objectContaining({ id: expect.any(Number), type: 'photo', isReady: true }),
		);
		const rec = sim.state.uploads.find((u) => u.mediaUploadId === id)!;
		expect(rec).toEqual(
			expect.objectContaining({
				size: bytes.length,
				sha256: sha(bytes),
				status: 'completed',
				mediaId: put.body.media!.id,
			}),
		);
		const putReq = sim.requests.find((r) => r.method === 'PUT')!;
		expect(putReq.rawPath).toContain('upload%3A');
		expect(putReq.body).toBeUndefined();
		expect(putReq.bodySize).toBe(bytes.length);

		const sent = await c.post<MessageView>('/v2/access/chats/100001/messages', {
			text: 'new',
			mediaItems: [id],
		});
		expect(sent.status).toBe(200);
		expect(sent.body.media[0].id).toBe(put.body.media!.id);
		const again = await c.post<ErrorBody>('/v2/access/chats/100002/messages', {
			text: 'new',
			mediaItems: [id],
		});
		expect(again.status).toBe(400);
		expect(again.body.details![0]).toEqual(
			expect.objectContaining({ path: 'mediaItems.0', code: 'upload_used' }),
		);
		// the vault id of the uploaded media stays usable
		expect(
			(
				await c.post('/v2/access/chats/100002/messages', {
					text: 'new',
					mediaItems: [put.body.media!.id],
				})
			).status,
		).toBe(200);
		expect(sim.state.uploads[0].status).toBe('consumed');
	});

	test('older init field names (filesize, mimeType) are accepted; wrong size on PUT -> 400', async () => {
		const init = await c.post<UploadPlan>('/v2/access/uploads/init', {
			filename: 'a.mp4',
			filesize: 100,
			mimeType: 'video/mp4',
		});
		expect(init.status).toBe(200);
		const bad = await c.put(relPath(init.body.uploadUrl!), randomBytes(99));
		expect(bad.status).toBe(400);
		expectErrorShape(bad.body, 'BAD_REQUEST');
		const good = await c.put<UploadFinished>(relPath(init.body.uploadUrl!), randomBytes(100));
		expect(good.status).toBe(200);
		expect(good.body.media!.type).toBe('video');
		expect((await c.post('/v2/access/uploads/init', { filename: 'a.mp4' })).status).toBe(400);
	});

	test('multipart: parts out of order and re-sent, complete, sha256 of the whole file', async () => {
		const bytes = randomBytes(PART * 3 + 1234);
		const init = await c.post<UploadPlan>('/v2/access/uploads/init', {
			filename: 'clip.mp4',
			size: bytes.length,
			contentType: 'video/mp4',
		});
		expect(init.body.uploadType).toBe('multipart');
		expect(init.body.partSize).toBe(PART);
		expect(init.body.totalParts).toBe(4);
		const parts: UploadPart[] = init.body.parts;
		expect(parts[3].byteRange).toEqual({ start: PART * 3, end: bytes.length - 1 });
		const slice = (p: UploadPart) => bytes.subarray(p.byteRange.start, p.byteRange.end + 1);

		// a wrong-size part is refused
		const wrong = await c.put(relPath(parts[0].uploadUrl), randomBytes(PART - 1));
		expect(wrong.status).toBe(400);
		// complete before all parts -> 400
		expect(
			(await c.post('/v2/access/uploads/complete', { mediaUploadId: init.body.mediaUploadId }))
				.status,
		).toBe(400);

		for (const i of [2, 0, 3, 0, 1]) {
			const r = await c.put(relPath(parts[i].uploadUrl), slice(parts[i]));
			expect(r.status).toBe(200);
			expect(r.body).toEqual({
				mediaUploadId: init.body.mediaUploadId,
				partNumber: i + 1,
				etag: expect.any(String),
			});
		}
		const done = await c.post<UploadFinished>('/v2/access/uploads/complete', {
			mediaUploadId: init.body.mediaUploadId,
		});
		expect(done.status).toBe(200);
		expect(done.body.media).toEqual(expect.objectContaining({ type: 'video' }));
		const rec = sim.state.uploads[0];
		expect(rec.sha256).toBe(sha(bytes));
		expect(rec.receivedBytes).toBe(bytes.length);
		expect(rec.partsReceived).toEqual([1, 2, 3, 4]);
		// complete is idempotent
		expect(
			(
				await c.post<UploadFinished>('/v2/access/uploads/complete', {
					mediaUploadId: init.body.mediaUploadId,
				})
			).body.media!.id,
		).toBe(done.body.media!.id);
		// check (dedupe) finds it by sha256 + size
		const chk = await c.post('/v2/access/uploads/check', { etag: sha(bytes), size: bytes.length });
		expect(chk.body).toEqual({
			exists: true,
			media: expect.objectContaining({ id: done.body.media!.id }),
		});
		expect((await c.post('/v2/access/uploads/check', { etag: 'abc', size: 1 })).body).toEqual({
			exists: false,
		});
	});

	test('multipart: a part cut off mid-way (client abort) and re-sent does not corrupt the hash', async () => {
		const bytes = randomBytes(PART * 2 + 10);
		const init = await c.post<UploadPlan>('/v2/access/uploads/init', {
			filename: 'x.mov',
			size: bytes.length,
			contentType: 'video/quicktime',
		});
		const parts: UploadPart[] = init.body.parts;
		// send part 1 partially, then abort the request
		const ac = new AbortController();
		const stream = new ReadableStream({
			start(ctrl) {
				ctrl.enqueue(bytes.subarray(0, 1000));
				setTimeout(() => ac.abort(), 50);
			},
		});
		await expect(
			fetch(parts[0].uploadUrl, {
				method: 'PUT',
				headers: { apiKey: sim.apiKey, 'x-connection-id': sim.connectionId },
				body: stream,
				signal: ac.signal,
				duplex: 'half',
			} as RequestInit),
		).rejects.toThrow();
		await new Promise((r) => setTimeout(r, 50));
		for (const p of parts)
			expect(
				(await c.put(relPath(p.uploadUrl), bytes.subarray(p.byteRange.start, p.byteRange.end + 1)))
					.status,
			).toBe(200);
		const done = await c.post('/v2/access/uploads/complete', {
			mediaUploadId: init.body.mediaUploadId,
		});
		expect(done.status).toBe(200);
		expect(sim.state.uploads[0].sha256).toBe(sha(bytes));
	});

	test('multipart with dropNext after: the part is stored, the re-send is acknowledged', async () => {
		const bytes = randomBytes(PART + 5);
		const init = await c.post<UploadPlan>('/v2/access/uploads/init', {
			filename: 'y.mp4',
			size: bytes.length,
			contentType: 'video/mp4',
		});
		const parts: UploadPart[] = init.body.parts;
		sim.faults.dropNext(1, 'after', (r) => r.method === 'PUT' && r.path.endsWith('/parts/1'));
		await expect(c.put(relPath(parts[0].uploadUrl), bytes.subarray(0, PART))).rejects.toThrow();
		expect(sim.state.uploads[0].partsReceived).toEqual([1]);
		expect((await c.put(relPath(parts[0].uploadUrl), bytes.subarray(0, PART))).status).toBe(200);
		expect((await c.put(relPath(parts[1].uploadUrl), bytes.subarray(PART))).status).toBe(200);
		expect(
			(await c.post('/v2/access/uploads/complete', { mediaUploadId: init.body.mediaUploadId }))
				.status,
		).toBe(200);
		expect(sim.state.uploads[0].sha256).toBe(sha(bytes));
		expect(sim.state.uploads[0].putCount).toBe(3);
	});

	test('an incomplete upload cannot be sent', async () => {
		const init = await c.post<UploadPlan>('/v2/access/uploads/init', {
			filename: 'z.jpg',
			size: 10,
			contentType: 'image/jpeg',
		});
		const r = await c.post<ErrorBody>('/v2/access/chats/100001/messages', {
			text: 'x',
			mediaItems: [init.body.mediaUploadId],
		});
		expect(r.status).toBe(400);
		expect(r.body.details![0].code).toBe('upload_incomplete');
	});
});

describe('simulator: upload options', () => {
	test('planStyle headers: plan only in x-ofauth-upload-* headers', async () => {
		const sim = await startSimulator({
			upload: { planStyle: 'headers', partSize: 1000, singleMaxBytes: 500 },
		});
		try {
			const c = client(sim);
			const bytes = randomBytes(2500);
			const init = await c.post<Pick<UploadPlan, 'mediaUploadId'>>('/v2/access/uploads/init', {
				filename: 'p.jpg',
				size: bytes.length,
				contentType: 'image/jpeg',
			});
			expect(init.body).toEqual({ mediaUploadId: expect.stringMatching(/^upload:/) });
			expect(init.headers.get('x-ofauth-upload-total-parts')).toBe('3');
			expect(init.headers.get('x-ofauth-upload-part-size')).toBe('1000');
			const id = encodeURIComponent(init.body.mediaUploadId);
			for (let n = 1; n <= 3; n++)
				expect(
					(
						await c.put(
							`/v2/access/uploads/${id}/parts/${n}`,
							bytes.subarray((n - 1) * 1000, n * 1000),
						)
					).status,
				).toBe(200);
			const done = await c.post('/v2/access/uploads/complete', {
				mediaUploadId: init.body.mediaUploadId,
			});
			expect(done.status).toBe(200);
			expect(sim.state.uploads[0].sha256).toBe(sha(bytes));
		} finally {
			await sim.close();
		}
	});

	test('readyAfterPolls and keepBytes', async () => {
		const sim = await startSimulator({ upload: { readyAfterPolls: 2, keepBytes: true } });
		try {
			const c = client(sim);
			const bytes = randomBytes(3000);
			const init = await c.post<UploadPlan>('/v2/access/uploads/init', {
				filename: 'p.gif',
				size: bytes.length,
				contentType: 'image/gif',
			});
			const put = await c.put<UploadFinished>(
				`/v2/access/uploads/${encodeURIComponent(init.body.mediaUploadId)}`,
				bytes,
			);
			expect(put.body.media).toEqual(expect.objectContaining({ type: 'gif', isReady: false }));
			const id = put.body.media!.id;
			expect((await c.get<MediaView>(`/v2/access/vault/media/${id}`)).body.isReady).toBe(false);
			expect((await c.get<MediaView>(`/v2/access/vault/media/${id}`)).body.isReady).toBe(true);
			expect(sim.state.uploads[0].bytes!.equals(bytes)).toBe(true);
			const listed = await c.get<Page<MediaView>>('/v2/access/vault/media?limit=1&mediaType=gif');
			expect(listed.body.list[0].id).toBe(id);
		} finally {
			await sim.close();
		}
	});
});

describe('simulator: uploads fingerprinted with crc32 (upload.digest)', () => {
	test('parts out of order and re-sent: the crc32 of the whole file is recorded, no sha256', async () => {
		const sim = await startSimulator({
			seed: 1,
			upload: { partSize: PART, singleMaxBytes: PART, digest: 'crc32' },
		});
		try {
			const c = client(sim);
			const bytes = randomBytes(PART * 3 + 77);
			const init = await c.post<UploadPlan>('/v2/access/uploads/init', {
				filename: 'clip.mp4',
				size: bytes.length,
				contentType: 'video/mp4',
			});
			const parts: UploadPart[] = init.body.parts;
			const slice = (p: UploadPart) => bytes.subarray(p.byteRange.start, p.byteRange.end + 1);
			for (const i of [3, 1, 0, 1, 2]) {
				expect(
					(await c.put(parts[i].uploadUrl.slice(sim.baseUrl.length), slice(parts[i]))).status,
				).toBe(200);
			}
			const done = await c.post<UploadFinished>('/v2/access/uploads/complete', {
				mediaUploadId: init.body.mediaUploadId,
			});
			expect(done.status).toBe(200);
			const record = sim.state.uploads[0];
			expect(record.crc32).toBe(crc32(bytes).toString(16).padStart(8, '0'));
			expect(record.sha256).toBeNull();
			expect(record.partsReceived).toEqual([1, 2, 3, 4]);
		} finally {
			await sim.close();
		}
	});
});
