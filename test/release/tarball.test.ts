/**
 * What `npm publish` would upload: the packed tarball holds only the built package (dist/ with
 * the nodes, credentials, codex and icon files), README.md, LICENSE and package.json, and n8n's
 * community package scan passes on it. Needs `npm run build` first (npm test does it).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

interface PackedFile {
	path: string;
	size: number;
}

function packedFiles(): PackedFile[] {
	const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: ROOT,
		encoding: 'utf8',
	});
	return (JSON.parse(out) as Array<{ files: PackedFile[] }>)[0].files;
}

describe('the published tarball', () => {
	const files = packedFiles().map((file) => file.path);
	const { n8n } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[]; credentials: string[] };
	};

	it('holds only dist/, README.md, LICENSE and package.json', () => {
		const outside = files.filter(
			(file) =>
				!file.startsWith('dist/') && !['README.md', 'LICENSE', 'package.json'].includes(file),
		);
		expect(outside).toEqual([]);
		expect(files).toEqual(expect.arrayContaining(['README.md', 'LICENSE', 'package.json']));
	});

	it('holds every node and credential package.json names, with its codex and icons', () => {
		for (const entry of [...n8n.nodes, ...n8n.credentials]) expect(files).toContain(entry);
		for (const node of n8n.nodes) {
			expect(files).toContain(node.replace(/\.js$/, '.json')); // the codex: categories, aliases
			const folder = path.posix.dirname(node);
			expect(files).toEqual(
				expect.arrayContaining([`${folder}/ofauth.svg`, `${folder}/ofauth.dark.svg`]),
			);
		}
	});

	it('carries no tests, sources, build caches or local folders', () => {
		const unwanted = files.filter((file) =>
			/(^|\/)(test|bench|scripts|examples|\.tmp|\.github)\/|\.ts$(?<!\.d\.ts$)|\.test\.js$|\.tsbuildinfo$/.test(
				file,
			),
		);
		expect(unwanted).toEqual([]);
	});

	it("passes n8n's community package scan (npm run scan's check) on source and tarball", () => {
		// jest sets NODE_ENV=test, which makes n8n's lint plugin read files as its own test fixtures
		const env = { ...process.env };
		delete env.NODE_ENV;
		const result = execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'scan.js')], {
			cwd: ROOT,
			encoding: 'utf8',
			env,
		});
		expect(result).toMatch(/\[scan\] no findings/);
		expect(result).toMatch(/\[scan\] PASS tarball/);
	}, 120_000);
});
