# Sourced by the scripts that start a service. service_jvm_options MODULE: the collector and heap of MODULE, as its
# pod runs it (JAVA_OPTS_APPEND in deploy/k8s/MODULE.yaml and deploy/compose/docker-compose.yml; the manifests'
# tests check that they agree), so that a local run and a benchmark measure what is deployed. A module without options
# of its own runs locally with a 512 MB heap (its pod sizes the heap from its memory limit).
service_jvm_options() {
    case "$1" in
        # Parallel with a capped heap: the shortest tails of the catalogue's reads with caches off, and the search
        # index within the pod's memory at 100,000 questions (question-service README, "The collector and heap")
        question-service) echo "-XX:+UseParallelGC -Xmx300m -XX:MaxDirectMemorySize=384m" ;;
        *) echo "-Xmx512m" ;;
    esac
}
