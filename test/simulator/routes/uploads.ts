/**
 * Upload flow: init -> single PUT (finalises) or part PUTs + complete; check (dedupe).
 *
 * Bodies are streamed, never buffered whole: the digest of the reassembled file
 * (sha256, or crc32 with upload.digest 'crc32') is computed incrementally. An
 * in-order part is hashed into a copy of the running digest while it streams and
 * committed only when it arrived complete with the right size, so a part cut off
 * mid-way and sent again does not corrupt the digest. A part that arrives before
 * its turn is held in memory until its turn.
 */
import { createHash, randomUUID, type Hash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { badRequest, notFound, type Route, type RouteContext, type SimCore } from '../core';
import { makeMedia } from '../seed';
import { uploadCheckSchema, uploadCompleteSchema, uploadInitSchema, zodDetails } from '../schemas';
import type { UploadRecord } from '../types';
import { publicMedia, typeFromContentType } from './shared';

/** A digest fed chunk by chunk, which can be forked (a part is hashed into a fork until it is complete). */
export interface RunningDigest {
	update(chunk: Buffer): void;
	copy(): RunningDigest;
	/** lower-case hex */
	digest(): string;
}

function sha256Digest(hash: Hash = createHash('sha256')): RunningDigest {
	return {
		update: (chunk) => void hash.update(chunk),
		copy: () => sha256Digest(hash.copy()),
		digest: () => hash.digest('hex'),
	};
}

/** The crc32 the simulator records with upload.digest 'crc32' (the benchmarks compute it from the source too). */
export function crc32Digest(value = 0): RunningDigest {
	let current = value;
	return {
		update(chunk) {
			current = crc32(chunk, current);
		},
		copy: () => crc32Digest(current),
		digest: () => current.toString(16).padStart(8, '0'),
	};
}

function newDigest(core: SimCore): RunningDigest {
	return core.opts.upload.digest === 'crc32' ? crc32Digest() : sha256Digest();
}

export interface UploadRuntime {
	hash: RunningDigest;
	nextPart: number;
	version: number;
	/** parts that arrived before their turn, as received (chunks, not copied into one buffer) */
	pending: Map<number, Buffer[]>;
	etags: Map<number, string>;
	kept: Buffer[];
}

function runtime(core: SimCore, up: UploadRecord): UploadRuntime {
	let rt = core.uploadRuntime.get(up.mediaUploadId);
	if (!rt) {
		rt = {
			hash: newDigest(core),
			nextPart: 1,
			version: 0,
			pending: new Map(),
			etags: new Map(),
			kept: [],
		};
		core.uploadRuntime.set(up.mediaUploadId, rt);
	}
	return rt;
}

/** reads the request stream chunk by chunk; resolves with the byte count */
async function consume(ctx: RouteContext, onChunk?: (chunk: Buffer) => void): Promise<number> {
	let n = 0;
	for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
		n += chunk.length;
		ctx.record.bodySize = n;
		onChunk?.(chunk);
	}
	return n;
}

function findUpload(core: SimCore, id: string): UploadRecord {
	const up = core.state.uploads.find((u) => u.mediaUploadId === id);
	if (!up) throw notFound(`Upload ${id} not found`);
	return up;
}

function finished(core: SimCore, up: UploadRecord) {
	return {
		body: {
			mediaUploadId: up.mediaUploadId,
			media: up.mediaId !== null ? publicMedia(core.media(up.mediaId)!) : null,
		},
	};
}

function finalise(core: SimCore, up: UploadRecord, digest: string, kept: Buffer[]): void {
	const id = core.state.nextIds.media++;
	const readyAfterPolls = core.opts.upload.readyAfterPolls;
	const media = makeMedia(id, typeFromContentType(up.contentType, up.filename), core.nowIso(), {
		filename: up.filename,
		size: up.size,
		isReady: readyAfterPolls <= 0,
		readyAfterPolls,
		source: 'upload',
		mediaUploadId: up.mediaUploadId,
	});
	core.state.vaultMedia.push(media);
	if (core.opts.upload.digest === 'crc32') up.crc32 = digest;
	else up.sha256 = digest;
	up.status = 'completed';
	up.mediaId = id;
	up.receivedBytes = up.size;
	if (core.opts.upload.keepBytes) up.bytes = Buffer.concat(kept);
	core.uploadRuntime.delete(up.mediaUploadId);
}

function init({ core, body }: RouteContext) {
	const parsed = uploadInitSchema.safeParse(body ?? {});
	if (!parsed.success) throw badRequest('Invalid request body', zodDetails(parsed.error));
	const size = (parsed.data.size ?? parsed.data.filesize)!;
	const contentType = (parsed.data.contentType ?? parsed.data.mimeType)!;
	const { partSize: cfgPart, singleMaxBytes, planStyle } = core.opts.upload;
	const single = size <= singleMaxBytes;
	const partSize = single ? size : cfgPart;
	const totalParts = single ? 1 : Math.ceil(size / partSize);
	const mediaUploadId = `upload:${randomUUID()}`;
	const now = Date.now();
	const up: UploadRecord = {
		mediaUploadId,
		filename: parsed.data.filename,
		contentType,
		size,
		uploadType: single ? 'single' : 'multipart',
		partSize,
		totalParts,
		status: 'initiated',
		receivedBytes: 0,
		partsReceived: [],
		sha256: null,
		mediaId: null,
		createdAt: new Date(now).toISOString(),
		expiresAt: new Date(now + 24 * 3_600_000).toISOString(),
		putCount: 0,
	};
	core.state.uploads.push(up);
	const base = `${core.baseUrl}/v2/access/uploads/${encodeURIComponent(mediaUploadId)}`;
	const headers = {
		'x-ofauth-upload-type': up.uploadType,
		'x-ofauth-upload-total-parts': String(totalParts),
		'x-ofauth-upload-part-size': String(partSize),
	};
	if (planStyle === 'headers') return { body: { mediaUploadId }, headers };
	const parts = [];
	for (let n = 1; n <= totalParts; n++) {
		const start = (n - 1) * partSize;
		parts.push({
			partNumber: n,
			uploadUrl: single ? base : `${base}/parts/${n}`,
			byteRange: { start, end: Math.min(size, start + partSize) - 1 },
		});
	}
	return {
		body: {
			mediaUploadId,
			uploadType: up.uploadType,
			partSize,
			totalParts,
			...(single ? { uploadUrl: base } : {}),
			parts,
			completeUrl: `${core.baseUrl}/v2/access/uploads/complete`,
			expiresAt: up.expiresAt,
		},
		headers,
	};
}

async function putSingle(ctx: RouteContext) {
	const { core, params } = ctx;
	const up = findUpload(core, params.id);
	up.putCount++;
	if (up.status !== 'initiated') {
		await consume(ctx);
		return finished(core, up); // a re-send after a lost response: same answer
	}
	if (up.uploadType !== 'single') {
		await consume(ctx);
		throw badRequest(
			`Upload ${up.mediaUploadId} is multipart: PUT its parts, then POST /v2/access/uploads/complete`,
		);
	}
	const hash = newDigest(core);
	const kept: Buffer[] = [];
	const keep = core.opts.upload.keepBytes;
	const n = await consume(ctx, (c) => {
		hash.update(c);
		if (keep) kept.push(c);
	});
	if (n !== up.size)
		throw badRequest(`Body has ${n} bytes, init declared ${up.size}`, [
			{ path: 'body', message: `expected ${up.size} bytes, got ${n}`, code: 'size_mismatch' },
		]);
	finalise(core, up, hash.digest(), kept);
	return finished(core, up);
}

function expectedPartSize(up: UploadRecord, n: number): number {
	return n < up.totalParts ? up.partSize : up.size - (up.totalParts - 1) * up.partSize;
}

function commit(
	up: UploadRecord,
	rt: UploadRuntime,
	n: number,
	size: number,
	kept: Buffer[],
	keep: boolean,
): void {
	rt.version++;
	rt.nextPart = n + 1;
	up.receivedBytes += size;
	up.partsReceived.push(n);
	if (keep) rt.kept.push(...kept);
}

function drainPending(up: UploadRecord, rt: UploadRuntime, keep: boolean): void {
	while (rt.pending.has(rt.nextPart)) {
		const n = rt.nextPart;
		const chunks = rt.pending.get(n)!;
		rt.pending.delete(n);
		let size = 0;
		for (const chunk of chunks) {
			rt.hash.update(chunk);
			size += chunk.length;
		}
		commit(up, rt, n, size, chunks, keep);
	}
}

async function putPart(ctx: RouteContext) {
	const { core, params } = ctx;
	const up = findUpload(core, params.id);
	up.putCount++;
	if (!/^\d+$/.test(params.n)) throw badRequest('part number must be digits');
	const n = Number(params.n);
	if (n < 1 || n > up.totalParts) {
		await consume(ctx);
		throw badRequest(`Part ${n} is out of range 1..${up.totalParts}`, [
			{ path: 'partNumber', message: `must be 1..${up.totalParts}`, code: 'out_of_range' },
		]);
	}
	const expected = expectedPartSize(up, n);
	const keep = core.opts.upload.keepBytes;
	const etag = createHash('md5').update(`${up.mediaUploadId}:${n}:${expected}`).digest('hex');
	const ok = () => ({ body: { mediaUploadId: up.mediaUploadId, partNumber: n, etag } });
	const sizeError = (got: number) =>
		badRequest(`Part ${n} has ${got} bytes, expected ${expected}`, [
			{
				path: 'body',
				message: `part ${n} must be ${expected} bytes, got ${got}`,
				code: 'size_mismatch',
			},
		]);

	if (up.status !== 'initiated') {
		const got = await consume(ctx);
		if (got !== expected) throw sizeError(got);
		return ok();
	}
	const rt = runtime(core, up);
	if (n < rt.nextPart) {
		// already committed (e.g. the response was lost and the client sent it again)
		const got = await consume(ctx);
		if (got !== expected) throw sizeError(got);
		return ok();
	}
	if (n === rt.nextPart) {
		const version = rt.version;
		const h = rt.hash.copy();
		const kept: Buffer[] = [];
		const got = await consume(ctx, (c) => {
			h.update(c);
			if (keep) kept.push(c);
		});
		if (got !== expected) throw sizeError(got);
		if (
			rt.version === version &&
			rt.nextPart === n &&
			core.uploadRuntime.get(up.mediaUploadId) === rt
		) {
			rt.hash = h;
			commit(up, rt, n, got, kept, keep);
			rt.pending.delete(n);
			drainPending(up, rt, keep);
		}
		rt.etags.set(n, etag);
		return ok();
	}
	// ahead of its turn: hold it in memory until the parts before it are in
	const chunks: Buffer[] = [];
	const got = await consume(ctx, (c) => chunks.push(c));
	if (got !== expected) throw sizeError(got);
	if (n >= rt.nextPart) rt.pending.set(n, chunks);
	drainPending(up, rt, keep);
	rt.etags.set(n, etag);
	return ok();
}

function complete({ core, body }: RouteContext) {
	const parsed = uploadCompleteSchema.safeParse(body ?? {});
	if (!parsed.success) throw badRequest('Invalid request body', zodDetails(parsed.error));
	const up = findUpload(core, parsed.data.mediaUploadId);
	if (up.status !== 'initiated') return finished(core, up);
	const rt = runtime(core, up);
	if (rt.nextPart <= up.totalParts) {
		const missing: number[] = [];
		for (let n = rt.nextPart; n <= up.totalParts; n++) if (!rt.pending.has(n)) missing.push(n);
		throw badRequest(
			`Upload is missing parts: ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ', ...' : ''}`,
			[
				{
					path: 'parts',
					message: `missing ${missing.length} of ${up.totalParts} parts`,
					code: 'missing_parts',
				},
			],
		);
	}
	finalise(core, up, rt.hash.digest(), rt.kept);
	return finished(core, up);
}

function check({ core, body }: RouteContext) {
	const parsed = uploadCheckSchema.safeParse(body ?? {});
	if (!parsed.success) throw badRequest('Invalid request body', zodDetails(parsed.error));
	const etag = parsed.data.etag.replace(/"/g, '').toLowerCase();
	const up = core.state.uploads.find(
		(u) => u.sha256 === etag && u.size === parsed.data.size && u.mediaId !== null,
	);
	if (!up) return { body: { exists: false } };
	return { body: { exists: true, media: publicMedia(core.media(up.mediaId!)!) } };
}

export const uploadRoutes: Route[] = [
	{ method: 'POST', pattern: '/v2/access/uploads/init', scope: 'vault:write', handler: init },
	{
		method: 'POST',
		pattern: '/v2/access/uploads/complete',
		scope: 'vault:write',
		handler: complete,
	},
	{ method: 'POST', pattern: '/v2/access/uploads/check', scope: 'vault:write', handler: check },
	{
		method: 'PUT',
		pattern: '/v2/access/uploads/:id',
		scope: 'vault:write',
		raw: true,
		handler: putSingle,
	},
	{
		method: 'PUT',
		pattern: '/v2/access/uploads/:id/parts/:n',
		scope: 'vault:write',
		raw: true,
		handler: putPart,
	},
];
