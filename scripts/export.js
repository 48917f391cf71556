#!/usr/bin/env node
/**
 * npm run export -- <ofauth|onlyfansapi> <dir>
 * Writes one package as a standalone repository tree into <dir> (emptied first) and lists its files.
 */
const path = require('node:path');

const { exportPackage, SERVICES } = require('./packages');

const [key, dir] = process.argv.slice(2);
if (!key || !dir || !SERVICES[key]) {
	console.error(`usage: npm run export -- <${Object.keys(SERVICES).join('|')}> <dir>`);
	process.exit(2);
}
const files = exportPackage(key, path.resolve(dir));
console.log(`${SERVICES[key].name}: ${files.length} files in ${path.resolve(dir)}`);
for (const file of files) console.log(`  ${file}`);
