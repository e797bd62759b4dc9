-- The W3C trace context of the request that wrote an event: the relay publishes the event in the same trace (the
-- traceparent Kafka header); see deploy/platform.
ALTER TABLE outbox_event ADD COLUMN traceparent TEXT;
ALTER TABLE outbox_dead ADD COLUMN traceparent TEXT;
