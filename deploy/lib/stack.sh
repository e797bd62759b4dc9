# Sourced by the scripts that run against the local stack (after jdk.sh, with $root set).
# start_local_stack LOG: starts deploy/local/run --no-build in the background (output in LOG), waits until it says
# it is ready, and stops it when the calling script exits.
start_local_stack() {
    local log="$1"
    mkdir -p "$(dirname "$log")"
    "$root/deploy/local/run" --no-build > "$log" 2>&1 &
    _local_stack=$!
    trap 'kill -TERM "$_local_stack" 2>/dev/null || true; wait "$_local_stack" 2>/dev/null || true' EXIT
    echo "starting the local stack (deploy/local/run --no-build, output in ${log#$root/}) ..."
    until grep -q "Prepline is ready" "$log"; do
        if ! kill -0 "$_local_stack" 2>/dev/null; then
            tail -n 30 "$log" >&2
            echo "error: the local stack did not start" >&2
            exit 1
        fi
        sleep 1
    done
    grep "Prepline is ready" "$log"
}
