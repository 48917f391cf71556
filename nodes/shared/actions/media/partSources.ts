/**
 * The bytes of one file, handed out part by part. A part is held until its PUT succeeded
 * (a failed part is sent again from the same bytes) and then handed back with `release`,
 * so a file on disk never needs more memory than the parts in flight plus the one being read.
 */
export interface PartSource {
	readonly size: number;
	/** The next `length` bytes. The buffer stays valid until it is given to `release`. */
	read(length: number): Promise<Buffer>;
	/** Hands a part's buffer back once its PUT is done, so a later part can reuse it. */
	release(part: Buffer): void;
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
		release() {},
		async close() {},
	};
}

interface ByteStream {
	[Symbol.asyncIterator](): AsyncIterator<unknown>;
	destroy?(error?: Error): unknown;
}

/**
 * A stream (a file in n8n's filesystem or database mode, or an HTTP download) read part by
 * part into buffers recycled through `release`: as many exist as parts are held at once.
 */
export function streamSource(stream: ByteStream, size: number, describe: string): PartSource {
	const iterator = stream[Symbol.asyncIterator]();
	let leftover: Buffer | undefined;
	let spare: Buffer[] = [];
	const held = new WeakMap<Buffer, Buffer>(); // a handed-out part -> the whole buffer it views
	let delivered = 0;
	return {
		size,
		async read(length) {
			if (leftover && leftover.length >= length) {
				// the stream handed over more than a part at once (database mode gives the whole file
				// as one chunk): the part is a view of it, nothing is copied
				const part = leftover.subarray(0, length);
				leftover = leftover.length > length ? leftover.subarray(length) : undefined;
				delivered += length;
				return part;
			}
			const reused = spare.findIndex((buffer) => buffer.length >= length);
			// allocUnsafeSlow: a buffer of its own, never a slice of Node's shared small-buffer pool
			const scratch = reused >= 0 ? spare.splice(reused, 1)[0] : Buffer.allocUnsafeSlow(length);
			const part = scratch.subarray(0, length);
			held.set(part, scratch);
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
		release(part) {
			const scratch = held.get(part);
			held.delete(part);
			if (scratch) spare.push(scratch);
		},
		async close() {
			leftover = undefined;
			spare = [];
			try {
				await iterator.return?.();
			} catch {
				// closing a failed stream may throw again; nothing to do
			}
			stream.destroy?.();
		},
	};
}
