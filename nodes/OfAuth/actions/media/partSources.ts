/**
 * The bytes of one file, handed out part by part. A part is only held until its PUT
 * succeeded (a failed part is sent again from the same bytes), so a file on disk never
 * needs more memory than about one part plus the read-ahead of its stream.
 */
export interface PartSource {
	readonly size: number;
	/** The next `length` bytes. The returned buffer may be reused by the following call. */
	read(length: number): Promise<Buffer>;
	/** Releases the underlying stream (always called, also after a failure). */
	close(): Promise<void>;
}

/** A file already in memory (n8n's default binary mode): parts are views, nothing is copied. */
export function bufferSource(buffer: Buffer): PartSource {
	let offset = 0;
	return {
		size: buffer.length,
		async read(length) {
			const part = buffer.subarray(offset, offset + length);
			offset += part.length;
			return part;
		},
		async close() {},
	};
}

interface ByteStream {
	[Symbol.asyncIterator](): AsyncIterator<unknown>;
	destroy?(error?: Error): unknown;
}

/**
 * A stream (a file in n8n's filesystem mode, or an HTTP download) read part by part into
 * one reusable buffer of the largest part's size.
 */
export function streamSource(stream: ByteStream, size: number, describe: string): PartSource {
	const iterator = stream[Symbol.asyncIterator]();
	let leftover: Buffer | undefined;
	let scratch: Buffer | undefined;
	let delivered = 0;
	return {
		size,
		async read(length) {
			if (!scratch || scratch.length < length) scratch = Buffer.allocUnsafe(length);
			const part = scratch.subarray(0, length);
			let filled = 0;
			while (filled < length) {
				let chunk = leftover;
				leftover = undefined;
				if (!chunk) {
					const next = await iterator.next();
					if (next.done) break;
					chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value as Uint8Array);
				}
				const take = Math.min(chunk.length, length - filled);
				chunk.copy(part, filled, 0, take);
				filled += take;
				if (take < chunk.length) leftover = chunk.subarray(take);
			}
			delivered += filled;
			if (filled < length) {
				throw new Error(`${describe} ended after ${delivered} of ${size} bytes`);
			}
			return part;
		},
		async close() {
			leftover = undefined;
			scratch = undefined;
			try {
				await iterator.return?.();
			} catch {
				// closing a failed stream may throw again; nothing to do
			}
			stream.destroy?.();
		},
	};
}
