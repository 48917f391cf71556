import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { INodeParameters } from 'n8n-workflow';

import { runNode, simulatorCredentials, useSimulator } from '../../harness';

const PART = 64 * 1024;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A file server on 127.0.0.1: /sized/* answers with Content-Length, /chunked/* without, /page is HTML. */
function fileServer(files: Record<string, { bytes: Buffer; type: string }>) {
	const served: string[] = [];
	const server: Server = createServer((req, res) => {
		const url = req.url ?? '/';
		served.push(url);
		const [, style, name] = url.split('/');
		const file = files[name];
		if (url === '/page') {
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			res.end('<html>not a photo</html>');
			return;
		}
		if (!file) {
			res.writeHead(404, { 'content-type': 'text/plain' });
			res.end('missing');
			return;
		}
		if (style === 'sized') {
			res.writeHead(200, {
				'content-type': file.type,
				'content-length': String(file.bytes.length),
			});
			res.end(file.bytes);
			return;
		}
		res.writeHead(200, { 'content-type': file.type }); // chunked: no Content-Length
		for (let offset = 0; offset < file.bytes.length; offset += 10_000)
			res.write(file.bytes.subarray(offset, offset + 10_000));
		res.end();
	});
	return {
		served,
		start: async () =>
			await new Promise<string>((resolve) =>
				server.listen(0, '127.0.0.1', () =>
					resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
				),
			),
		stop: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

describe('Upload Media from a URL', () => {
	const simulator = useSimulator({
		fans: 5,
		vaultMedia: 3,
		upload: { partSize: PART, singleMaxBytes: PART },
	});
	const video = randomBytes(3 * PART + 777);
	const photo = randomBytes(PART + 10);
	const files = fileServer({
		'clip.mp4': { bytes: video, type: 'video/mp4' },
		'pic.jpg': { bytes: photo, type: 'image/jpeg; charset=binary' },
	});
	let origin = '';
	beforeAll(async () => {
		origin = await files.start();
	});
	afterAll(async () => await files.stop());

	const fromUrl = (url: string, extra: INodeParameters = {}) => ({
		resource: 'media',
		operation: 'upload',
		source: 'url',
		url,
		requestSettings: { maxRetries: 2, maxWaitSeconds: 0 },
		...extra,
	});

	it('streams a download with Content-Length into the vault part by part', async () => {
		const sim = simulator();
		const result = await runNode(fromUrl(`${origin}/sized/clip.mp4`), {
			credentials: simulatorCredentials(sim),
		});

		expect(result.error).toBeUndefined();
		const init = sim.requests.find((request) => request.path === '/v2/access/uploads/init')!;
		expect(init.body).toEqual({
			filename: 'clip.mp4',
			size: video.length,
			contentType: 'video/mp4',
		});
		const parts = sim.requests.filter((request) => /\/parts\/\d+$/.test(request.path));
		expect(parts.map((request) => request.bodySize)).toEqual([PART, PART, PART, 777]);
		expect(sim.state.uploads[0]).toEqual(
			expect.objectContaining({ status: 'completed', sha256: sha256(video) }),
		);
		expect(result.output()[0].json).toEqual(
			expect.objectContaining({ fileName: 'clip.mp4', parts: 4, size: video.length }),
		);
	});

	it('reads a download without Content-Length first, then uploads it; File Name overrides the URL', async () => {
		const sim = simulator();
		const result = await runNode(
			fromUrl(`${origin}/chunked/pic.jpg`, { options: { fileName: 'cover.jpg' } }),
			{
				credentials: simulatorCredentials(sim),
			},
		);

		expect(result.error).toBeUndefined();
		expect(
			sim.requests.find((request) => request.path === '/v2/access/uploads/init')!.body,
		).toEqual({
			filename: 'cover.jpg',
			size: photo.length,
			contentType: 'image/jpeg',
		});
		expect(sim.state.uploads[0].sha256).toBe(sha256(photo));
	});

	it('refuses a web page or a broken link, and a non-http URL before downloading anything', async () => {
		const sim = simulator();
		const page = await runNode(fromUrl(`${origin}/page`), {
			credentials: simulatorCredentials(sim),
		});
		expect(page.error?.message).toBe(
			`Invalid "Content Type" on item 0: The Content-Type of ${new URL(origin).host}'s answer is "text/html", but the OnlyFans vault takes photos, videos and audio only. Set Options > Content Type (e.g. image/jpeg) if the file really is one.`,
		);

		const missing = await runNode(fromUrl(`${origin}/sized/nothing.jpg`), {
			credentials: simulatorCredentials(sim),
		});
		expect(missing.error?.message).toMatch(
			new RegExp(`^Could not download ${origin}/sized/nothing.jpg: .*404`),
		);

		const served = files.served.length;
		const ftp = await runNode(fromUrl('ftp://example.com/a.jpg'), {
			credentials: simulatorCredentials(sim),
		});
		expect(ftp.error?.message).toBe(
			'Invalid "URL" on item 0: "ftp://example.com/a.jpg" is not an http(s) URL, e.g. https://example.com/photo.jpg (checked 1 item: nothing was sent)',
		);
		expect(files.served.length).toBe(served);
		expect(sim.requests).toHaveLength(0);
	});
});
