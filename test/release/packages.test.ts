/**
 * What `npm publish` of each package would upload, as `npm run build` exports, builds and packs
 * them (build/packages/): one service each, its own package.json (one credential, no dependencies,
 * its own repository), only dist/, README.md, LICENSE and package.json in the tarball, no text of
 * the other service anywhere a user can read it, and n8n's community package scan passes.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { BUILT_PACKAGES } = require(path.join(ROOT, 'scripts', 'packages.js')) as {
	BUILT_PACKAGES: string;
};

const PACKAGES = [
	{ key: 'ofauth', service: 'OFAuth', credential: 'ofAuthApi', otherService: 'OnlyFansAPI' },
	{
		key: 'onlyfansapi',
		service: 'OnlyFansAPI.com',
		credential: 'onlyFansApiMessagingApi',
		otherService: 'OFAuth',
	},
] as const;

function filesBelow(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const file = path.join(dir, name);
		return statSync(file).isDirectory() ? filesBelow(file) : [file];
	});
}

describe.each(PACKAGES)('the $service package', ({ key, service, credential, otherService }) => {
	const tree = path.join(BUILT_PACKAGES, key);
	const pkg = JSON.parse(readFileSync(path.join(tree, 'package.json'), 'utf8'));
	const packed = (
		JSON.parse(
			execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
				cwd: tree,
				encoding: 'utf8',
			}),
		) as Array<{ files: Array<{ path: string }> }>
	)[0].files.map((file) => file.path);

	it('declares exactly one credential, its own repository and no dependencies', () => {
		expect(pkg.n8n.credentials).toEqual([expect.stringMatching(/\.credentials\.js$/)]);
		expect(pkg.dependencies).toBeUndefined();
		expect(pkg.repository).toEqual({
			type: 'git',
			url: `git+https://github.com/n8n-nodes-ofauth-messaging/${pkg.name as string}.git`,
		});
		expect(pkg.license).toBe('MIT');
		expect(pkg.name).toMatch(/^n8n-nodes-/);
	});

	it('its tree: the unmodified n8n-node eslint config, MIT licence, changelog, publishing with provenance', () => {
		expect(readFileSync(path.join(tree, 'eslint.config.mjs'), 'utf8')).toBe(
			"import { config } from '@n8n/node-cli/eslint';\n\nexport default config;\n",
		);
		expect(readFileSync(path.join(tree, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
		expect(readFileSync(path.join(tree, 'CHANGELOG.md'), 'utf8')).toMatch(/^# Changelog/);
		expect(readFileSync(path.join(tree, '.github/workflows/publish.yml'), 'utf8')).toMatch(
			/npm publish --provenance/,
		);
	});

	it('its tarball: only dist/, README.md, LICENSE and package.json; every node with its codex and icons', () => {
		const outside = packed.filter(
			(file) =>
				!file.startsWith('dist/') && !['README.md', 'LICENSE', 'package.json'].includes(file),
		);
		expect(outside).toEqual([]);
		for (const entry of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(packed).toContain(entry);
		for (const node of pkg.n8n.nodes as string[]) {
			expect(packed).toContain(node.replace(/\.js$/, '.json')); // the codex: categories, aliases
			const folder = path.posix.dirname(node);
			expect(packed.some((file) => file.startsWith(folder) && file.endsWith('.svg'))).toBe(true);
		}
		const sources = packed.filter((file) => /\.ts$(?<!\.d\.ts$)|\.test\.js$/.test(file));
		expect(sources).toEqual([]);
	});

	it(`every text a user can read names ${service} only: descriptions, hints, errors, README`, () => {
		const readable = [
			...filesBelow(path.join(tree, 'dist')).filter((file) => /\.(js|json)$/.test(file)),
			path.join(tree, 'README.md'),
			path.join(tree, 'package.json'),
		];
		const mentions = readable.flatMap((file) =>
			(
				readFileSync(file, 'utf8').match(new RegExp(`.{0,40}${otherService}.{0,40}`, 'g')) ?? []
			).map((text) => `${path.relative(tree, file)}: ${text}`),
		);
		expect(mentions).toEqual([]);
		// the node descriptions as n8n reads them from the compiled package
		for (const node of pkg.n8n.nodes as string[]) {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const exported = require(path.join(tree, node)) as Record<
				string,
				new () => { description: object }
			>;
			const NodeClass = Object.values(exported)[0];
			const description = JSON.stringify(new NodeClass().description);
			expect(description).not.toContain(otherService);
			expect(description).toContain(service);
			expect(description).toContain(`"name":"${credential}"`);
		}
	});
});

it("n8n's community package scan passes on both packages, source and tarball", () => {
	// jest sets NODE_ENV=test, which makes n8n's lint plugin read files as its own test fixtures
	const env = { ...process.env };
	delete env.NODE_ENV;
	const result = execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'scan.js')], {
		cwd: ROOT,
		encoding: 'utf8',
		env,
	});
	expect(result).toMatch(/\[scan\] no findings/);
	expect(result.match(/\[scan\] PASS/g)).toHaveLength(4);
}, 120_000);
