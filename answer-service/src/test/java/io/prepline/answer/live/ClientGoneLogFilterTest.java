package io.prepline.answer.live;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.ClosedChannelException;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

class ClientGoneLogFilterTest {

    private final ClientGoneLogFilter filter = new ClientGoneLogFilter();

    private static LogRecord record(String logger, Level level, String message, Throwable thrown) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName(logger);
        record.setThrown(thrown);
        return record;
    }

    @Test
    void aClientThatWentAwayMidWriteIsLeftOut() {
        assertFalse(filter.isLoggable(record(ClientGoneLogFilter.SSE_HANDLER, Level.SEVERE,
                "Exception in SSE server handling, impossible to send it to client", new ClosedChannelException())));
        assertFalse(filter.isLoggable(record(ClientGoneLogFilter.SSE_HANDLER, Level.SEVERE, "wrapped",
                new IllegalStateException(new ClosedChannelException()))));
        assertFalse(filter.isLoggable(record(ClientGoneLogFilter.NETTY_CONTEXT, Level.WARNING,
                "Failed to mark a promise as failure because it has failed already: DefaultChannelPromise@56fc97e3"
                        + "(failure: io.netty.channel.StacklessClosedChannelException), unnotified cause: "
                        + "io.netty.channel.StacklessClosedChannelException", new IllegalStateException("refCnt: 0"))));
    }

    @Test
    void realErrorsAndOtherLoggersPass() {
        assertTrue(filter.isLoggable(record(ClientGoneLogFilter.SSE_HANDLER, Level.SEVERE,
                "Exception in SSE server handling, impossible to send it to client", new IllegalStateException("bug"))));
        assertTrue(filter.isLoggable(record(ClientGoneLogFilter.NETTY_CONTEXT, Level.WARNING,
                "Failed to mark a promise as failure because it has failed already: DefaultChannelPromise@1"
                        + "(failure: java.lang.OutOfMemoryError)", null)));
        assertTrue(filter.isLoggable(record("io.prepline.answer.live.LiveEvents", Level.SEVERE, "failed",
                new ClosedChannelException())));
    }
}
