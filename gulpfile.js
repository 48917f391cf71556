const { src, dest, parallel } = require('gulp');

// tsc compiles the TypeScript; n8n also needs each node's icon and codex (.node.json) file next to it.
function copyIcons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], {
		encoding: false,
		base: '.',
	}).pipe(dest('dist'));
}

function copyCodexFiles() {
	return src('nodes/**/*.node.json', { base: '.' }).pipe(dest('dist'));
}

exports['build:assets'] = parallel(copyIcons, copyCodexFiles);
