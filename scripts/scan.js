#!/usr/bin/env node
/**
 * `npm run scan`: the check n8n runs before it verifies a community package
 * (@n8n/scan-community-package), run locally on this repository:
 *   1. the source: package.json + nodes/ + credentials/ (SOURCE_FILE_PATTERNS), full rule set
 *   2. the tarball `npm pack` produces, unpacked: every .js file + the published package.json
 * Inline eslint-disable comments are ignored, exactly as in n8n's scan.
 * Prints every finding and exits 1 when there is any. Run `npm run build` first (the npm
 * script does) so the tarball holds the current dist/.
 */
const { execFileSync } = require('node:child_process');
const { mkdtempSync, rmSync, mkdirSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const ROOT = path.resolve(__dirname, '..');
const SCANNER = path.join(
	ROOT,
	'node_modules',
	'@n8n',
	'scan-community-package',
	'scanner',
	'scanner.mjs',
);
const TARBALL_PATTERNS = ['**/*.js', 'package.json'];

function packAndUnpack(workDir) {
	const out = execFileSync('npm', ['pack', '--json', '--pack-destination', workDir], {
		cwd: ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	});
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
	const work = mkdtempSync(path.join(tmpdir(), 'ofauth-scan-'));
	try {
		const tarball = packAndUnpack(work);
		const legs = [
			{
				label: `source (${SOURCE_FILE_PATTERNS.join(', ')})`,
				dir: ROOT,
				patterns: SOURCE_FILE_PATTERNS,
			},
			{
				label: `tarball ${tarball.filename} (${TARBALL_PATTERNS.join(', ')})`,
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
		console.log(
			failed
				? '[scan] findings above: the n8n community scan would reject this package'
				: '[scan] no findings',
		);
		process.exitCode = failed ? 1 : 0;
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
