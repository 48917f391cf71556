#!/usr/bin/env bash
# CI: each package as its own repository would check it. Exports both trees into temporary folders
# and, in a clean copy of each: npm ci, the n8n-node lint in strict mode and the build with the
# newest @n8n/node-cli, @n8n/eslint-plugin-community-nodes and @n8n/scan-community-package the
# registry offers (installed over the locked ones), n8n's verification scan of the source and of the
# packed tarball (scripts/scan.js, inline disables ignored), and that package.json declares exactly
# one credential and no dependencies. Both packages run at once; each one's output is printed whole.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "${WORK}"' EXIT

verify() {
	local key="$1" tree="${WORK}/$1"
	node scripts/export.js "${key}" "${tree}"
	cd "${tree}"
	node -e '
		const pkg = require("./package.json");
		const problems = [];
		if ((pkg.n8n.credentials ?? []).length !== 1) problems.push(`declares ${(pkg.n8n.credentials ?? []).length} credentials`);
		if (pkg.dependencies && Object.keys(pkg.dependencies).length) problems.push(`has dependencies: ${Object.keys(pkg.dependencies)}`);
		if (pkg.repository?.directory) problems.push("has repository.directory");
		if (pkg.license !== "MIT") problems.push(`license ${pkg.license}`);
		if (problems.length) { console.error(`[verify] ${pkg.name}: ${problems.join("; ")}`); process.exit(1); }
		console.log(`[verify] ${pkg.name}: credentials ${JSON.stringify(pkg.n8n.credentials)}, nodes ${JSON.stringify(pkg.n8n.nodes)}, no dependencies, ${pkg.license}, ${pkg.repository.url}`);
	'
	# the root's npm ci has cached most of these: use the cache before the network
	npm ci --prefer-offline --no-audit --no-fund --loglevel=error
	npm install --no-save --no-audit --no-fund --loglevel=error \
		@n8n/node-cli@latest @n8n/eslint-plugin-community-nodes@latest @n8n/scan-community-package@latest
	echo "[verify] newest from the registry: $(node -p 'const v=(p)=>JSON.parse(require("fs").readFileSync(`node_modules/${p}/package.json`,"utf8")).version; ["@n8n/node-cli","@n8n/eslint-plugin-community-nodes","@n8n/scan-community-package"].map((p)=>`${p} ${v(p)}`).join(", ")')"
	cmp eslint.config.mjs <(printf "import { config } from '@n8n/node-cli/eslint';\n\nexport default config;\n")
	npx n8n-node lint
	npm run build
	SCANNER="${tree}/node_modules/@n8n/scan-community-package" node "${ROOT}/scripts/scan.js" "${tree}"
	echo "[verify] ${key}: ${SECONDS} s"
}

pids=()
for key in ofauth onlyfansapi; do
	verify "${key}" >"${WORK}/${key}.log" 2>&1 &
	pids+=("$!")
done
rc=0
for i in 0 1; do
	key=$([ "${i}" -eq 0 ] && echo ofauth || echo onlyfansapi)
	if wait "${pids[${i}]}"; then status=passed; else status=FAILED; rc=1; fi
	echo "--- ${key}: ${status} ---"
	# the CLI's spinner frames and npm's engine warnings (n8n's own packages want Node 24) left out
	tr '\r' '\n' <"${WORK}/${key}.log" | sed 's/\x1b\[[0-9;?]*[A-Za-z]//g' |
		grep -v -e '^\s*$' -e 'EBADENGINE' -e '^[│◒◐◓◑ ]*Building TypeScript' -e '^[│ ]*$' || true
done
exit "${rc}"
