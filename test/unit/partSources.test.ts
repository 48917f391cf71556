import { Readable } from 'node:stream';

import { streamSource } from '../../nodes/shared/actions/media/partSources';

const bytes = (length: number, from = 0) =>
	Buffer.from(Array.from({ length }, (_, i) => (from + i) % 251));

describe('streamSource (a stored file handed out part by part)', () => {
	it('copies small chunks into part buffers and reuses a released buffer for a later part', async () => {
		const file = bytes(40);
		const chunks = Array.from({ length: 10 }, (_, i) => file.subarray(i * 4, i * 4 + 4));
		const source = streamSource(Readable.from(chunks), 40, 'the file');
		const first = await source.read(10);
		const second = await source.read(10);
		expect(Buffer.concat([first, second])).toEqual(file.subarray(0, 20));
		expect(first.buffer).not.toBe(second.buffer); // both held: two buffers
		const firstBuffer = first.buffer;
		source.release(first);
		const third = await source.read(10);
		expect(third.buffer).toBe(firstBuffer); // recycled, no new allocation
		expect(third).toEqual(file.subarray(20, 30));
		await source.close();
	});

	it('hands out views of a chunk larger than a part (database mode sends the file as one chunk)', async () => {
		const file = bytes(25);
		const source = streamSource(Readable.from([file], { objectMode: false }), 25, 'the file');
		const parts = [await source.read(10), await source.read(10), await source.read(5)];
		expect(Buffer.concat(parts)).toEqual(file);
		expect(parts[1].buffer).toBe(parts[2].buffer); // views of the same chunk, not copies
		await source.close();
	});

	it('says how many bytes arrived when the stream ends early', async () => {
		const source = streamSource(Readable.from([bytes(7)]), 20, 'The binary file "a.mp4"');
		await expect(source.read(10)).rejects.toThrow(
			'The binary file "a.mp4" ended after 7 of 20 bytes',
		);
		await source.close();
	});
});
