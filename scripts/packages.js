/**
 * The two packages built from this one source tree, one per service (n8n verifies a package that
 * integrates exactly one service). Each is written as a standalone repository tree: the files its
 * nodes and credential import (followed from them, so nothing of the other service comes along),
 * their icons and codex files, and its own package.json, README, LICENSE, CHANGELOG, the n8n-node
 * CLI's eslint.config.mjs (unmodified, strict mode) and a publish workflow with provenance.
 *
 *   npm run export -- <ofauth|onlyfansapi> <dir>   writes one tree (scripts/export.js)
 *   npm run build                                 also builds and packs both into build/packages/
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const ROOT_PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const GITHUB_OWNER = 'n8n-nodes-ofauth-messaging';

/** What each package is: its name, texts, nodes and credential. Everything else is shared. */
const SERVICES = {
	ofauth: {
		name: 'n8n-nodes-ofauth-messaging',
		description:
			'n8n nodes for OnlyFans messaging through the OFAuth API: messages, PPV, chats, mass messages, media upload, fans and lists, and triggers.',
		keywords: ['ofauth'],
		nodes: [
			'nodes/OfAuth/OfAuth.node.ts',
			'nodes/OfAuthTrigger/OfAuthTrigger.node.ts',
			'nodes/OfAuthPollTrigger/OfAuthPollTrigger.node.ts',
		],
		credential: 'credentials/OfAuthApi.credentials.ts',
		credentialIcons: ['credentials/ofauth.svg', 'credentials/ofauth.dark.svg'],
		docs: 'docs/packages/ofauth',
	},
	onlyfansapi: {
		name: 'n8n-nodes-onlyfansapi-messaging',
		description:
			'n8n nodes for OnlyFans messaging through the OnlyFansAPI.com API: messages, PPV, chats, mass messages, media upload, fans and lists, and triggers.',
		keywords: ['onlyfansapi'],
		nodes: [
			'nodes/OnlyFansApi/OnlyFansApi.node.ts',
			'nodes/OnlyFansApiTrigger/OnlyFansApiTrigger.node.ts',
			'nodes/OnlyFansApiPollTrigger/OnlyFansApiPollTrigger.node.ts',
		],
		credential: 'credentials/OnlyFansApiMessagingApi.credentials.ts',
		credentialIcons: ['credentials/onlyfansapi.svg', 'credentials/onlyfansapi.dark.svg'],
		docs: 'docs/packages/onlyfansapi',
	},
};

/** The n8n-node CLI's eslint config, exactly as it writes it (strict mode requires it unmodified). */
const ESLINT_CONFIG = "import { config } from '@n8n/node-cli/eslint';\n\nexport default config;\n";

const TSCONFIG = {
	compilerOptions: {
		strict: true,
		module: 'commonjs',
		moduleResolution: 'node',
		target: 'es2022',
		lib: ['es2022'],
		removeComments: true,
		useUnknownInCatchVariables: false,
		forceConsistentCasingInFileNames: true,
		noImplicitAny: true,
		noImplicitReturns: true,
		noUnusedLocals: true,
		strictNullChecks: true,
		preserveConstEnums: true,
		esModuleInterop: true,
		resolveJsonModule: true,
		incremental: false,
		declaration: true,
		sourceMap: false,
		skipLibCheck: true,
		types: [],
		outDir: './dist',
		rootDir: '.',
	},
	include: ['credentials/**/*', 'nodes/**/*'],
	exclude: ['**/*.test.ts'],
};

/** Publishes from GitHub Actions with npm provenance, as n8n's verification requires. */
const PUBLISH_WORKFLOW = `name: Publish

on:
  push:
    tags:
      - 'v*'

permissions:
  contents: read
  id-token: write

jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 22
          registry-url: https://registry.npmjs.org
      - run: npm ci
      - run: npm run lint
      - run: npm run build
      - run: npm publish --provenance --access public
        env:
          NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}
`;

const GITIGNORE = 'node_modules/\ndist/\n*.tgz\n';

/** eslint-plugin-n8n-nodes-base's preinstall (`npx only-allow pnpm`) fails under npm: no install scripts. */
const NPMRC = 'ignore-scripts=true\n';

/** The codex files (.node.json) go next to each compiled node: the n8n-node build copies icons only. */
const COPY_CODEX =
	"node -e \"const fs=require('fs'),p=require('path');(function walk(d){for(const e of fs.readdirSync(d,{withFileTypes:true})){const f=p.join(d,e.name);if(e.isDirectory())walk(f);else if(f.endsWith('.node.json'))fs.copyFileSync(f,p.join('dist',f));}})('nodes')\"";

function packageJsonOf(key) {
	const service = SERVICES[key];
	const repo = `${GITHUB_OWNER}/${service.name}`;
	const devDependencies = {};
	for (const dep of ['@n8n/node-cli', '@types/luxon', 'eslint', 'luxon', 'typescript', 'zod']) {
		devDependencies[dep] = ROOT_PACKAGE.devDependencies[dep];
	}
	return {
		name: service.name,
		version: ROOT_PACKAGE.version,
		description: service.description,
		keywords: ['n8n-community-node-package', 'n8n', 'onlyfans', ...service.keywords],
		license: 'MIT',
		homepage: `https://github.com/${repo}#readme`,
		repository: { type: 'git', url: `git+https://github.com/${repo}.git` },
		bugs: { url: `https://github.com/${repo}/issues` },
		author: ROOT_PACKAGE.author,
		engines: ROOT_PACKAGE.engines,
		files: ['dist'],
		scripts: {
			build: `n8n-node build && ${COPY_CODEX}`,
			lint: 'n8n-node lint',
			'lint:fix': 'n8n-node lint --fix',
			prepublishOnly: 'npm run lint && npm run build',
		},
		n8n: {
			n8nNodesApiVersion: 1,
			strict: true,
			credentials: [distFileOf(service.credential)],
			nodes: service.nodes.map(distFileOf),
		},
		devDependencies,
		peerDependencies: { 'n8n-workflow': '*' },
	};
}

function distFileOf(sourceFile) {
	return `dist/${sourceFile.replace(/\.ts$/, '.js')}`;
}

const IMPORT = /(?:from\s+|import\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** Every source file the entries import, directly or not (relative imports only). */
function importClosure(entries) {
	const seen = new Set();
	const queue = [...entries];
	while (queue.length) {
		const file = queue.pop();
		if (seen.has(file)) continue;
		seen.add(file);
		const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
		for (const [, specifier] of source.matchAll(IMPORT)) {
			const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
			const target = [`${base}.ts`, `${base}/index.ts`, base].find((candidate) =>
				fs.existsSync(path.join(ROOT, candidate)),
			);
			if (!target) throw new Error(`${file} imports ${specifier}, which is not in this tree`);
			if (target.endsWith('.ts')) queue.push(target);
		}
	}
	return [...seen].sort();
}

/** The files a package holds from this tree: its sources, and the icons and codex of its nodes. */
function sourceFilesOf(key) {
	const service = SERVICES[key];
	const sources = importClosure([...service.nodes, service.credential]);
	const assets = service.nodes.flatMap((node) =>
		fs
			.readdirSync(path.join(ROOT, path.dirname(node)))
			.filter((name) => /\.(svg|png)$|\.node\.json$/.test(name))
			.map((name) => `${path.dirname(node)}/${name}`),
	);
	return [...sources, ...assets, ...service.credentialIcons].sort();
}

function write(dir, file, content) {
	fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
	fs.writeFileSync(path.join(dir, file), content);
}

/** Writes one package as a standalone repository tree into `dir` (emptied first). Returns its files. */
function exportPackage(key, dir) {
	const service = SERVICES[key];
	if (!service)
		throw new Error(`Unknown package "${key}": use ${Object.keys(SERVICES).join(' or ')}`);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	for (const file of sourceFilesOf(key)) {
		fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
		fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
	}
	write(dir, 'package.json', `${JSON.stringify(packageJsonOf(key), null, 2)}\n`);
	const lock = path.join(ROOT, service.docs, 'package-lock.json');
	if (fs.existsSync(lock)) fs.copyFileSync(lock, path.join(dir, 'package-lock.json'));
	write(dir, 'tsconfig.json', `${JSON.stringify(TSCONFIG, null, 2)}\n`);
	write(dir, 'eslint.config.mjs', ESLINT_CONFIG);
	write(dir, '.gitignore', GITIGNORE);
	write(dir, '.npmrc', NPMRC);
	write(dir, '.github/workflows/publish.yml', PUBLISH_WORKFLOW);
	fs.copyFileSync(path.join(ROOT, 'LICENSE'), path.join(dir, 'LICENSE'));
	for (const doc of ['README.md', 'CHANGELOG.md']) {
		fs.copyFileSync(path.join(ROOT, service.docs, doc), path.join(dir, doc));
	}
	return listFiles(dir);
}

function listFiles(dir, below = '') {
	return fs
		.readdirSync(path.join(dir, below), { withFileTypes: true })
		.flatMap((entry) => {
			const file = path.posix.join(below, entry.name);
			if (entry.name === 'node_modules' || entry.name === 'dist') return [];
			return entry.isDirectory() ? listFiles(dir, file) : [file];
		})
		.sort();
}

/**
 * Builds an exported tree with this repository's TypeScript and modules (the tree lies below the
 * repository, so n8n-workflow and zod resolve from its node_modules) and packs it. Returns the .tgz.
 */
function buildAndPack(key, dir) {
	const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
	fs.rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
	execFileSync(process.execPath, [tsc, '-p', path.join(dir, 'tsconfig.json')], {
		stdio: 'inherit',
	});
	for (const file of listFiles(dir).filter((f) =>
		/^(nodes|credentials)\/.*(\.svg|\.png|\.node\.json)$/.test(f),
	)) {
		fs.mkdirSync(path.dirname(path.join(dir, 'dist', file)), { recursive: true });
		fs.copyFileSync(path.join(dir, file), path.join(dir, 'dist', file));
	}
	const out = execFileSync('npm', ['pack', '--json', '--pack-destination', path.dirname(dir)], {
		cwd: dir,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	});
	const [{ filename }] = JSON.parse(out.slice(out.indexOf('[')));
	return path.join(path.dirname(dir), filename);
}

/** Where `npm run build` puts each package's tree and tarball. */
const BUILT_PACKAGES = path.join(ROOT, 'build', 'packages');

module.exports = {
	SERVICES,
	BUILT_PACKAGES,
	exportPackage,
	buildAndPack,
	packageJsonOf,
	sourceFilesOf,
};
