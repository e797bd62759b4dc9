# Sourced by the scripts that run the built system.
# ensure_built ROOT BUILD ARTIFACT=MODULE...: when an artifact is missing, or older than its module's sources (or the
# parent pom), builds the repository (./mvnw package -DskipTests); with BUILD=false it only insists that the artifacts
# exist (paths relative to ROOT).
ensure_built() {
    local root="$1" build="$2"
    shift 2
    local needs_build=false entry artifact module started
    for entry in "$@"; do
        artifact="$root/${entry%%=*}"
        module="${entry#*=}"
        if [ ! -e "$artifact" ]; then
            if ! $build; then
                echo "error: $artifact is missing; run without --no-build to build it." >&2
                exit 1
            fi
            needs_build=true
        elif $build && [ -n "$(find "$root/$module/src" "$root/$module/pom.xml" "$root/pom.xml" \
                -newer "$artifact" -print -quit)" ]; then
            needs_build=true
        fi
    done
    if $needs_build; then
        echo "building (./mvnw package -DskipTests) ..."
        started=$(date +%s)
        (cd "$root" && ./mvnw -B -q package -DskipTests)
        echo "built in $(( $(date +%s) - started )) s"
    fi
}

# module_classpath MODULE: sets module_classpath to MODULE's classes and runtime dependencies, building it (and the
# modules it depends on) first when its sources are newer than the cached class path.
module_classpath() {
    local root="${root:?}" module="$root/$1" cp_file="$root/$1/target/run.classpath" newest
    newest=$(find "$module/src/main" "$module/pom.xml" -newer "$cp_file" -print -quit 2>/dev/null || true)
    if [ ! -f "$cp_file" ] || [ ! -d "$module/target/classes" ] || [ -n "$newest" ]; then
        echo "building $1 ..." >&2
        (cd "$root" && ./mvnw -B -q -pl "$1" -am compile dependency:build-classpath \
            -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime >&2)
        touch "$cp_file"
    fi
    module_classpath="$module/target/classes:$(cat "$cp_file")"
}
