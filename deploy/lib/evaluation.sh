# Sourced by deploy/local/evaluate and deploy/bench/scoring (after jdk.sh, with $root set): sets evaluation_classpath
# to deploy/evaluation's classes and dependencies (review-worker's scoring engine among them), building both modules
# first when their sources are newer than the cached class path.
_evaluation="$root/deploy/evaluation"
_evaluation_cp_file="$_evaluation/target/evaluate.classpath"
_evaluation_newest=$(find "$_evaluation/src/main" "$_evaluation/pom.xml" "$root/review-worker/src/main" \
    "$root/review-worker/pom.xml" -newer "$_evaluation_cp_file" -print -quit 2>/dev/null || true)
if [ ! -f "$_evaluation_cp_file" ] || [ ! -d "$_evaluation/target/classes" ] || [ -n "$_evaluation_newest" ]; then
    echo "building deploy/evaluation and review-worker ..." >&2
    (cd "$root" && ./mvnw -B -q -pl deploy/evaluation -am compile dependency:build-classpath \
        -Dmdep.outputFile="$_evaluation_cp_file" -Dmdep.includeScope=runtime >&2)
    touch "$_evaluation_cp_file"
fi
evaluation_classpath="$_evaluation/target/classes:$(cat "$_evaluation_cp_file")"
