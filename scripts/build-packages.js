#!/usr/bin/env node
/**
 * Part of `npm run build`: exports both packages into build/packages/<key>, builds each with this
 * repository's TypeScript and packs it: build/packages/<name>-<version>.tgz, what the real-n8n
 * suites install side by side.
 */
const path = require('node:path');

const { BUILT_PACKAGES, buildAndPack, exportPackage, SERVICES } = require('./packages');

for (const key of Object.keys(SERVICES)) {
	const dir = path.join(BUILT_PACKAGES, key);
	exportPackage(key, dir);
	const tarball = buildAndPack(key, dir);
	console.log(`[packages] ${SERVICES[key].name}: ${path.relative(process.cwd(), tarball)}`);
}
