#!/bin/sh
# Creates the topics listed in $TOPICS_FILE (default: topics beside this script) that do not exist yet; existing
# topics are left as they are. Runs in the apache/kafka image (Kubernetes Job prepline-topics, compose service topics).
#   KAFKA_BOOTSTRAP_SERVERS  the cluster (required)
#   REPLICATION_FACTOR       replicas of each topic (default 3)
#   MIN_INSYNC_REPLICAS      min.insync.replicas of each topic (unset: the broker's default)
#   KAFKA_CLIENT_CONFIG      a client properties file (TLS, SASL); used when the file exists
#   KAFKA_TOPICS_COMMAND     the kafka-topics tool (default: the image's /opt/kafka/bin/kafka-topics.sh)
set -eu
here=$(dirname "$0")
topics_file=${TOPICS_FILE:-$here/topics}
replication=${REPLICATION_FACTOR:-3}
kafka_topics="${KAFKA_TOPICS_COMMAND:-/opt/kafka/bin/kafka-topics.sh} --bootstrap-server $KAFKA_BOOTSTRAP_SERVERS"
if [ -n "${KAFKA_CLIENT_CONFIG:-}" ] && [ -f "$KAFKA_CLIENT_CONFIG" ]; then
  kafka_topics="$kafka_topics --command-config $KAFKA_CLIENT_CONFIG"
fi

attempt=0
until $kafka_topics --list >/dev/null 2>&1; do
  attempt=$((attempt + 1))
  if [ "$attempt" -ge 60 ]; then
    echo "Kafka at $KAFKA_BOOTSTRAP_SERVERS did not answer" >&2
    exit 1
  fi
  echo "waiting for Kafka at $KAFKA_BOOTSTRAP_SERVERS"
  sleep 2
done

grep -v '^[[:space:]]*\(#\|$\)' "$topics_file" | while read -r name partitions configs; do
  options=""
  for config in $(echo "${configs:-}" | tr ',' ' '); do
    options="$options --config $config"
  done
  if [ -n "${MIN_INSYNC_REPLICAS:-}" ]; then
    options="$options --config min.insync.replicas=$MIN_INSYNC_REPLICAS"
  fi
  # shellcheck disable=SC2086
  $kafka_topics --create --if-not-exists --topic "$name" --partitions "$partitions" \
    --replication-factor "$replication" $options
  echo "topic $name present (created with $partitions partitions, replication $replication${configs:+, $configs} if it was missing)"
done
