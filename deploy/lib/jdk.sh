# Sourced by the scripts: exports JAVA_HOME pointing at a JDK 21 or newer, or exits with a clear message.

_jdk_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

_jdk_ok() {
    [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
    local major
    major=$(_jdk_major "$1")
    [ -n "$major" ] && [ "$major" -ge 21 ]
}

choose_jdk() {
    local candidate
    local candidates=()
    [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
    if command -v javac >/dev/null 2>&1; then
        candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
    fi
    for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
        [ -d "$candidate" ] && candidates+=("$candidate")
    done
    for candidate in "${candidates[@]}"; do
        if _jdk_ok "$candidate"; then
            export JAVA_HOME="$candidate"
            export PATH="$JAVA_HOME/bin:$PATH"
            return 0
        fi
    done
    echo "error: Prepline needs a JDK 21 or newer, and none was found." >&2
    echo "       Looked at JAVA_HOME (${JAVA_HOME:-unset}), the javac on PATH, /usr/lib/jvm, /opt/java and ~/.sdkman." >&2
    echo "       Install one (for example 'apt-get install openjdk-21-jdk-headless') or set JAVA_HOME to it." >&2
    exit 1
}

choose_jdk
