#!/usr/bin/env node
/**
 * `npm run scan [-- <tree>...]`: the check n8n runs before it verifies a community package
 * (@n8n/scan-community-package), run locally on each package's exported tree (by default both,
 * as `npm run build` leaves them in build/packages/):
 *   1. the source: package.json + nodes/ + credentials/ (SOURCE_FILE_PATTERNS), full rule set
 *   2. the tarball `npm pack` produces, unpacked: every .js file + the published package.json
 * Inline eslint-disable comments are ignored, exactly as in n8n's scan.
 * Prints every finding and exits 1 when there is any. The trees must be built (dist/).
 * SCANNER=<dir of @n8n/scan-community-package> uses another release of the scanner (CI: the newest).
 */
const { execFileSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync, mkdirSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const ROOT = path.resolve(__dirname, '..');
const SCANNER = path.join(
	process.env.SCANNER ?? path.join(ROOT, 'node_modules', '@n8n', 'scan-community-package'),
	'scanner',
	'scanner.mjs',
);
const { BUILT_PACKAGES, SERVICES } = require('./packages');
const TARBALL_PATTERNS = ['**/*.js', 'package.json'];

function packAndUnpack(tree, workDir) {
	const out = execFileSync(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', workDir],
		{
			cwd: tree,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		},
	);
	const [{ filename, entryCount }] = JSON.parse(out.slice(out.indexOf('[')));
	const dir = path.join(workDir, 'package');
	mkdirSync(dir);
	execFileSync('tar', ['-xzf', path.join(workDir, filename), '-C', dir, '--strip-components=1']);
	return { dir, filename, entryCount };
}

async function countFiles(cwd, patterns) {
	const glob = require('fast-glob');
	return glob.sync(patterns, { cwd, ignore: ['node_modules/**', '**/package-lock.json'] }).length;
}

async function main() {
	const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(pathToFileURL(SCANNER).href);
	const trees = process.argv.slice(2).length
		? process.argv.slice(2).map((tree) => path.resolve(tree))
		: Object.keys(SERVICES).map((key) => path.join(BUILT_PACKAGES, key));
	let failed = false;
	for (const tree of trees) {
		if (await scanTree(tree, analyzePackage, SOURCE_FILE_PATTERNS)) failed = true;
	}
	console.log(
		failed
			? '[scan] findings above: the n8n community scan would reject a package'
			: '[scan] no findings',
	);
	process.exitCode = failed ? 1 : 0;
}

/** Scans one tree and its tarball; true when anything was found. */
async function scanTree(tree, analyzePackage, SOURCE_FILE_PATTERNS) {
	const name = JSON.parse(readFileSync(path.join(tree, 'package.json'), 'utf8')).name;
	const work = mkdtempSync(path.join(tmpdir(), 'ofauth-scan-'));
	try {
		const tarball = packAndUnpack(tree, work);
		const legs = [
			{
				label: `${name} source (${SOURCE_FILE_PATTERNS.join(', ')})`,
				dir: tree,
				patterns: SOURCE_FILE_PATTERNS,
			},
			{
				label: `${name} tarball ${tarball.filename} (${TARBALL_PATTERNS.join(', ')})`,
				dir: tarball.dir,
				patterns: TARBALL_PATTERNS,
			},
		];
		let failed = false;
		for (const leg of legs) {
			const files = await countFiles(leg.dir, leg.patterns);
			const result = await analyzePackage(leg.dir, leg.patterns);
			const status = result.passed ? 'PASS' : 'FAIL';
			console.log(
				`[scan] ${status} ${leg.label}: ${files} files${result.message ? ` - ${result.message}` : ''}`,
			);
			if (!result.passed) {
				failed = true;
				if (result.details) console.log(result.details);
			}
			if (files === 0) {
				failed = true;
				console.log(`[scan] FAIL ${leg.label}: nothing to scan`);
			}
		}
		return failed;
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
